package dev.parley.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * What one class logs while the test runs, whatever the levels the build lets through to the
 * terminal: {@code try (CapturedLog log = CapturedLog.of(Some.class)) { ... log.at(Level.WARN) }}.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender = new AbstractAppender("captured", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
            events.add(event.toImmutable());
        }
    };

    private CapturedLog(Class<?> source) {
        logger = (Logger) LogManager.getLogger(source);
        appender.start();
        logger.addAppender(appender);
    }

    public static CapturedLog of(Class<?> source) {
        return new CapturedLog(source);
    }

    /** The messages logged at exactly {@code level}, in order. */
    public List<String> at(Level level) {
        return events.stream().filter(event -> event.getLevel() == level)
                .map(event -> event.getMessage().getFormattedMessage()).toList();
    }

    @Override
    public void close() {
        logger.removeAppender(appender);
        appender.stop();
    }
}
