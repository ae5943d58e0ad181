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
        throw new IllegalArgumentException("unknown provider type '" + name + "'; use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(ProviderType::configName).collect(Collectors.joining(", "));
    }
}
