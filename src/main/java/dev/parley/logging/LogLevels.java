package dev.parley.logging;

import dev.parley.config.LoggingConfig;
import java.util.Locale;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Sets how much goes to the log file ({@code logging.level}, {@code --log-level}) once the config
 * is read; LogConfiguration starts at info. Debug is for Parley's own loggers only: libraries' debug
 * output can carry request headers in shapes the file's redaction does not know.
 */
public final class LogLevels {

    private LogLevels() {}

    /** @param level one of {@link LoggingConfig#LEVELS} */
    public static void apply(String level) {
        LoggingConfig.levelProblem(level).ifPresent(problem -> {
            throw new IllegalArgumentException("log level " + problem);
        });
        Level chosen = Level.valueOf(level.toUpperCase(Locale.ROOT));
        Configurator.setLevel("dev.parley", chosen);
        Configurator.setRootLevel(chosen.isMoreSpecificThan(Level.INFO) ? chosen : Level.INFO);
    }
}
