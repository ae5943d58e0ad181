package dev.parley.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * How many files this process may have open, where the system says (Linux: {@code /proc/self/limits});
 * read from there because the JDK's own answer lives in the {@code jdk.management} module, which the
 * installed app's trimmed runtime leaves out.
 */
public final class OpenFileLimit {

    private static final Path LIMITS = Path.of("/proc/self/limits");

    private OpenFileLimit() {}

    /** The soft limit of open files (the JVM raises it to the hard one at start), or empty where unknown. */
    public static OptionalLong current() {
        try {
            return parse(Files.readAllLines(LIMITS));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty(); // not Linux, or /proc not mounted
        }
    }

    /** {@code Max open files            1048576              1048576              files}: the first number. */
    static OptionalLong parse(List<String> limits) {
        for (String line : limits) {
            if (line.startsWith("Max open files")) {
                String[] columns = line.substring("Max open files".length()).trim().split("\\s+");
                return columns.length > 0 && columns[0].matches("\\d+")
                        ? OptionalLong.of(Long.parseLong(columns[0])) : OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
