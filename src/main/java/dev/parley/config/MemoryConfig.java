package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code llm.memory}: how much of what the user asked Parley to remember goes into the system
 * prompt's {@code {memories}}, in estimated tokens (0: none).
 */
public record MemoryConfig(@JsonProperty("prompt-tokens") Integer promptTokens) {

    public static final int DEFAULT_PROMPT_TOKENS = 300;
    public static final int MAX_PROMPT_TOKENS = 10_000;
    public static final MemoryConfig DEFAULTS = new MemoryConfig(null);

    public MemoryConfig {
        promptTokens = promptTokens != null ? promptTokens : DEFAULT_PROMPT_TOKENS;
    }
}
