package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code logging} section.
 *
 * @param level how much Parley writes to its log file: debug, info, warn or error ({@code --log-level}
 *     overrides it for one run)
 */
public record LoggingConfig(String level) {

    public static final List<String> LEVELS = List.of("debug", "info", "warn", "error");
    public static final String DEFAULT_LEVEL = "info";

    @JsonCreator
    static LoggingConfig fromYaml(@JsonProperty("level") String level) {
        return new LoggingConfig(level == null || level.isBlank() ? DEFAULT_LEVEL : level.strip().toLowerCase(Locale.ROOT));
    }

    public static LoggingConfig defaults() {
        return new LoggingConfig(DEFAULT_LEVEL);
    }

    /** Why {@code level} is not one Parley knows, or empty. */
    public static Optional<String> levelProblem(String level) {
        return LEVELS.contains(level) ? Optional.empty()
                : Optional.of("is " + ShownValues.quoted(level) + " but must be one of " + String.join(", ", LEVELS));
    }
}
