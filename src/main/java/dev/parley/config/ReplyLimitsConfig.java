package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code llm.reply-limits}: how long one reply may grow and run, tool rounds included. A provider that
 * streams without end (a broken server, a model looping on itself) would otherwise fill memory; the
 * defaults are far beyond any spoken answer (100,000 characters is about two hours of speech).
 */
public record ReplyLimitsConfig(@JsonProperty("max-characters") Integer maxCharacters,
        @JsonProperty("max-seconds") Integer maxSeconds) {

    public static final ReplyLimitsConfig DEFAULTS = new ReplyLimitsConfig(null, null);

    static final int MIN_CHARACTERS = 1_000;
    static final int MAX_CHARACTERS = 10_000_000;
    static final int MIN_SECONDS = 10;
    static final int MAX_SECONDS = 3_600;

    public ReplyLimitsConfig {
        maxCharacters = maxCharacters != null ? maxCharacters : 100_000;
        maxSeconds = maxSeconds != null ? maxSeconds : 300;
    }
}
