package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code llm.cache}: replies to a conversation identical to one already answered (same provider,
 * model and messages) are replayed from memory. Off by default: a voice assistant is asked the
 * same question mostly when the answer changes ("what time is it").
 */
public record CacheConfig(Boolean enabled, @JsonProperty("max-entries") Integer maxEntries,
        @JsonProperty("ttl-minutes") Integer ttlMinutes) {

    public static final CacheConfig DEFAULTS = new CacheConfig(null, null, null);

    public CacheConfig {
        enabled = enabled != null && enabled;
        maxEntries = maxEntries != null ? maxEntries : 200;
        ttlMinutes = ttlMinutes != null ? ttlMinutes : 60;
    }
}
