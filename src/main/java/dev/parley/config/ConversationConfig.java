package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code conversation} section: how much history the model is sent each turn. */
public record ConversationConfig(@JsonProperty("max-context-tokens") int maxContextTokens) {

    public static final int DEFAULT_MAX_CONTEXT_TOKENS = 6000;
    static final int MIN_MAX_CONTEXT_TOKENS = 500;
    static final int MAX_MAX_CONTEXT_TOKENS = 1_000_000;
}
