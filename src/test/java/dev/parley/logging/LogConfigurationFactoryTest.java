package dev.parley.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which configuration a Log4j context gets: Parley's, unless someone names a file of their own. */
class LogConfigurationFactoryTest {

    @Test
    void aContextWithNoFileNamedGetsParleysConfiguration() {
        LoggerContext context = new LoggerContext("no file");
        try {
            context.start();
            assertThat(context.getConfiguration()).isInstanceOf(LogConfiguration.class);
            assertThat(context.getConfiguration().getAppenders()).containsOnlyKeys("console", "file");
        } finally {
            context.stop();
        }
    }

    @Test
    void aConfigurationFileSomeoneNamesIsReadInstead(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("mine.xml"),
                "<Configuration><Loggers><Root level=\"DEBUG\"/></Loggers></Configuration>");
        LoggerContext context = new LoggerContext("their file");
        try {
            context.setConfigLocation(file.toUri());
            assertThat(context.getConfiguration()).isInstanceOf(XmlConfiguration.class);
            assertThat(context.getConfiguration().getRootLogger().getLevel()).isEqualTo(Level.DEBUG);
        } finally {
            context.stop();
        }
    }
}
