package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points {@code parley.data.dir} (the usage ledger, conversations, memory) at a fresh folder for each
 * test and puts the property back afterwards:
 * {@code @RegisterExtension final TemporaryDataDir data = new TemporaryDataDir();}.
 */
public final class TemporaryDataDir implements BeforeEachCallback, AfterEachCallback {

    private static final String PROPERTY = "parley.data.dir";

    private Path folder;
    private String previous;

    /** The data folder of the running test. */
    public Path folder() {
        return folder;
    }

    /** The usage ledger Parley writes in this data folder. */
    public Path usageLedger() {
        return folder.resolve("usage.jsonl");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        try {
            folder = Files.createTempDirectory("parley-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        previous = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, folder.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (previous == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, previous);
        }
    }
}
