package dev.parley.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The version the build wrote into version.properties; none in a development run from an IDE. */
public final class BuildVersion {

    private static final Logger LOG = LogManager.getLogger(BuildVersion.class);

    private BuildVersion() {}

    public static Optional<String> get() {
        return Optional.ofNullable(Read.VERSION);
    }

    /** Read once, when first asked: it cannot change while Parley runs. */
    private static final class Read {
        static final String VERSION = read();

        private static String read() {
            Properties properties = new Properties();
            try (InputStream in = BuildVersion.class.getResourceAsStream("/dev/parley/version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                LOG.debug("No version.properties: {}", e.getMessage());
            }
            return properties.getProperty("version");
        }
    }
}
