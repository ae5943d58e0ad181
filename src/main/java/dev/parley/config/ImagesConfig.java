package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code llm.images}: how many pictures one turn may show the model, and the longest side, in
 * pixels, a picture is scaled down to before it is sent (about what the providers scale to anyway;
 * Anthropic recommends at most 1568).
 */
public record ImagesConfig(@JsonProperty("max-count") Integer maxCount, @JsonProperty("max-side") Integer maxSide) {

    public static final int DEFAULT_MAX_COUNT = 4;
    public static final int DEFAULT_MAX_SIDE = 1568;
    /** More than any provider takes in one message (Anthropic: 100, OpenAI: 500 across a request). */
    public static final int MAX_MAX_COUNT = 20;
    public static final int MIN_MAX_SIDE = 64;
    public static final int MAX_MAX_SIDE = 8000;
    public static final ImagesConfig DEFAULTS = new ImagesConfig(null, null);

    public ImagesConfig {
        maxCount = maxCount != null ? maxCount : DEFAULT_MAX_COUNT;
        maxSide = maxSide != null ? maxSide : DEFAULT_MAX_SIDE;
    }
}
