package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code llm.circuit-breaker}: after {@code failures} failed attempts in a row a provider is skipped
 * without a network call, for {@code cooldownSeconds}; then one trial request decides.
 */
public record CircuitBreakerConfig(
        Integer failures,
        @JsonProperty("cooldown-seconds") Integer cooldownSeconds) {

    public static final CircuitBreakerConfig DEFAULTS = new CircuitBreakerConfig(null, null);

    public CircuitBreakerConfig {
        failures = failures != null ? failures : 3;
        cooldownSeconds = cooldownSeconds != null ? cooldownSeconds : 60;
    }
}
