package dev.parley.logging;

import dev.parley.Throwables;
import dev.parley.storage.FileErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.ErrorHandler;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.RollingFileAppender;

/**
 * A log file that cannot be written (a full disk, a folder made read-only) costs the log, said once
 * in one line, never the session: Log4j's own handler prints three stack traces of ~70 lines each on
 * the terminal, in the middle of a chat's answers, and then one every five minutes.
 */
public final class LogFileErrors implements ErrorHandler {

    private final String file;
    private final PrintStream terminal;
    private final AtomicBoolean told = new AtomicBoolean();

    LogFileErrors(String file, PrintStream terminal) {
        this.file = file;
        this.terminal = terminal;
    }

    /** Puts this handler on the log file's appender of the running Log4j configuration. */
    public static void reportOnce() {
        if (LogManager.getContext(false) instanceof LoggerContext context) {
            for (Appender appender : context.getConfiguration().getAppenders().values()) {
                if (appender instanceof RollingFileAppender rolling) {
                    rolling.setHandler(new LogFileErrors(rolling.getFileName(), System.err));
                }
            }
        }
    }

    @Override
    public void error(String message) {
        tell(null);
    }

    @Override
    public void error(String message, Throwable failure) {
        tell(failure);
    }

    @Override
    public void error(String message, LogEvent event, Throwable failure) {
        tell(failure);
    }

    private void tell(Throwable failure) {
        if (told.compareAndSet(false, true)) {
            terminal.println("parley: WARN cannot write the log file " + file + " (" + reason(failure) + "); Parley"
                    + " goes on without it. Free some disk space, or check that folder's permissions.");
            terminal.flush();
        }
    }

    /** The file system's words (No space left on device), found under Log4j's wrappers. */
    private static String reason(Throwable failure) {
        for (Throwable cause : Throwables.causes(failure)) {
            if (cause instanceof IOException io) {
                return FileErrors.reason(io);
            }
        }
        return failure == null || failure.getMessage() == null ? "an unknown error" : failure.getMessage();
    }
}
