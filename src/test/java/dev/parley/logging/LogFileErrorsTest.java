package dev.parley.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AppenderLoggingException;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.junit.jupiter.api.Test;

/** A log file that cannot be written is one line on the terminal, once, with the file system's reason. */
class LogFileErrorsTest {

    @Test
    void aFullDiskIsSaidOnceInOneLine() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        LogFileErrors handler = new LogFileErrors("/data/parley/logs/parley.log",
                new PrintStream(terminal, true, StandardCharsets.UTF_8));
        IOException full = new FileSystemException("/data/parley/logs/parley.log", null, "No space left on device");
        AppenderLoggingException failure = new AppenderLoggingException("Error writing to stream", full);

        for (int i = 0; i < 5; i++) {
            handler.error("Unable to write to stream", null, failure);
            handler.error("An exception occurred processing Appender file", failure);
        }

        assertThat(terminal.toString(StandardCharsets.UTF_8)).isEqualTo("parley: WARN cannot write the log file"
                + " /data/parley/logs/parley.log (No space left on device); Parley goes on without it. Free some disk"
                + " space, or check that folder's permissions." + System.lineSeparator());
    }

    @Test
    void theShippedConfigurationsLogFileGetsIt() {
        LogFileErrors.reportOnce();

        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        assertThat(context.getConfiguration().getAppenders().values()).filteredOn(RollingFileAppender.class::isInstance)
                .isNotEmpty().allSatisfy(appender -> assertThat(appender.getHandler()).isInstanceOf(LogFileErrors.class));
    }
}
