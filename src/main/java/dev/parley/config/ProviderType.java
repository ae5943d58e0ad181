package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The wire protocol a provider speaks; the names are the ones written in config.yaml. */
public enum ProviderType {
    OLLAMA("ollama"),
    OPENAI("openai"),
    OPENAI_COMPATIBLE("openai-compatible"),
    ANTHROPIC("anthropic"),
    GEMINI("gemini"),
    /** In-process on Jlama: no server, no key; the model is downloaded on first use. */
    EMBEDDED("embedded");

    private final String configName;

    ProviderType(String configName) {
        this.configName = configName;
    }

    @JsonValue
    public String configName() {
        return configName;
    }

    @JsonCreator
    public static ProviderType fromConfigName(String name) {
        for (ProviderType type : values()) {
            if (type.configName.equalsIgnoreCase(name.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown provider type " + ShownValues.quoted(name) + "; use one of " + names());
    }

    /** Whether the wire protocol has top-k sampling (OpenAI's chat completions has none). */
    public boolean supportsTopK() {
        return this == OLLAMA || this == ANTHROPIC || this == GEMINI;
    }

    /** Whether the wire protocol takes a sampling seed (Anthropic's has none). */
    public boolean supportsSeed() {
        return this == OLLAMA || this == OPENAI || this == OPENAI_COMPATIBLE || this == GEMINI;
    }

    /** Whether the wire protocol takes top-p (all but the in-process model, whose wrapper does not). */
    public boolean supportsTopP() {
        return this != EMBEDDED;
    }

    /**
     * How many stop sequences the API accepts: OpenAI's four, Gemini's five, none for the in-process
     * model; Ollama and Anthropic state no limit, so a generous one is kept.
     */
    public int maxStopSequences() {
        return switch (this) {
            case OPENAI, OPENAI_COMPATIBLE -> 4;
            case GEMINI -> 5;
            case OLLAMA, ANTHROPIC -> 16;
            case EMBEDDED -> 0;
        };
    }

    public static String names() {
        return Arrays.stream(values()).map(ProviderType::configName).collect(Collectors.joining(", "));
    }
}
