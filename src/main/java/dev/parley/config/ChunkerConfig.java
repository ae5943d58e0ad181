package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code chunker} section: how replies are cut into pieces for the voice; a key left out takes its default. */
public record ChunkerConfig(
        @JsonProperty("first-chunk-min-words") Integer firstChunkMinWords,
        @JsonProperty("max-chunk-chars") Integer maxChunkChars) {

    public static final ChunkerConfig DEFAULTS = new ChunkerConfig(null, null);

    public ChunkerConfig {
        firstChunkMinWords = firstChunkMinWords != null ? firstChunkMinWords : 3;
        maxChunkChars = maxChunkChars != null ? maxChunkChars : 220;
    }
}
