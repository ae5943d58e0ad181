package dev.parley.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped log4j2.xml's safety net: key shapes are masked in the file, and only key shapes. */
class LogRedactionTest {

    @TempDir
    Path logs;

    @Test
    void keysAreMaskedAndAWordThatOnlyContainsAKeyPrefixIsKept() throws IOException {
        String before = System.getProperty("parley.log.dir");
        System.setProperty("parley.log.dir", logs.toString()); // read when the configuration is built
        LoggerContext context = new LoggerContext("redaction");
        try {
            context.setConfigLocation(Path.of("src/main/resources/log4j2.xml").toUri());
            context.getLogger("some.library").warn("Loaded speech model /opt/parley/models/vosk-model-small-en-us-0.15");
            context.getLogger("some.library").warn("401 for key=sk-proj-abcdefghijklmnop1234 and xai-ABCDEFGHIJKLMNOPQRSTUV");
        } finally {
            context.stop();
            if (before == null) {
                System.clearProperty("parley.log.dir");
            } else {
                System.setProperty("parley.log.dir", before);
            }
        }

        String log = Files.readString(logs.resolve("parley.log"));
        assertThat(log).contains("/opt/parley/models/vosk-model-small-en-us-0.15")
                .contains("401 for key=*** and ***")
                .doesNotContain("abcdefghijklmnop1234").doesNotContain("ABCDEFGHIJKLMNOPQRSTUV");
    }
}
