package dev.parley.logging;

import java.net.URI;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;

/**
 * Gives every Log4j context Parley's {@link LogConfiguration}; named in {@code log4j2.component.properties}
 * ({@code log4j2.configurationFactory}), so the app, its tests and a relaunched JVM all log alike. A
 * configuration file someone names ({@code -Dlog4j2.configurationFile=…}) is left to Log4j's own
 * factories: Log4j asks this one first, and it declines.
 */
public final class LogConfigurationFactory extends ConfigurationFactory {

    @Override
    protected String[] getSupportedTypes() {
        return new String[] {"*"}; // asked for any source; it takes only "none named"
    }

    @Override
    public Configuration getConfiguration(LoggerContext context, ConfigurationSource source) {
        return source == null || source == ConfigurationSource.NULL_SOURCE ? new LogConfiguration(context) : null;
    }

    @Override
    public Configuration getConfiguration(LoggerContext context, String name, URI location) {
        return location == null ? new LogConfiguration(context) : null;
    }
}
