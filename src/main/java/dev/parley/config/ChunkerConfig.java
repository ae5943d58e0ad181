package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code chunker} section: how replies are cut into pieces for the voice. */
public record ChunkerConfig(
        @JsonProperty("first-chunk-min-words") int firstChunkMinWords,
        @JsonProperty("max-chunk-chars") int maxChunkChars) {}
