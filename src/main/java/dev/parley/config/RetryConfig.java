package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code llm.retry}: how a provider's transient failures (rate limit, timeout, connection, server
 * error, broken stream) are retried before the first answer word; absent keys take the defaults.
 */
public record RetryConfig(
        @JsonProperty("max-attempts") Integer maxAttempts,
        @JsonProperty("initial-delay-ms") Integer initialDelayMs,
        @JsonProperty("max-delay-ms") Integer maxDelayMs,
        @JsonProperty("max-retry-after-seconds") Integer maxRetryAfterSeconds) {

    public static final RetryConfig DEFAULTS = new RetryConfig(null, null, null, null);

    public RetryConfig {
        maxAttempts = maxAttempts != null ? maxAttempts : 3;
        initialDelayMs = initialDelayMs != null ? initialDelayMs : 250;
        maxDelayMs = maxDelayMs != null ? maxDelayMs : 4000;
        maxRetryAfterSeconds = maxRetryAfterSeconds != null ? maxRetryAfterSeconds : 30;
    }
}
