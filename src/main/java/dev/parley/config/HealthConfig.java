package dev.parley.config;

/** {@code llm.health}: how often, in seconds, providers are checked in the background; 0 turns it off. */
public record HealthConfig(Integer interval) {

    public static final int DEFAULT_INTERVAL_SECONDS = 60;
    public static final HealthConfig DEFAULTS = new HealthConfig(DEFAULT_INTERVAL_SECONDS);

    public HealthConfig {
        interval = interval != null ? interval : DEFAULT_INTERVAL_SECONDS;
    }
}
