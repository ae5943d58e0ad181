package dev.parley.llm;

import dev.parley.config.ProviderConfig;
import java.time.Duration;

/** Creates the {@link LanguageModel} for a configured provider. */
public final class LanguageModels {

    private final ApiKeys apiKeys;

    public LanguageModels(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    public LanguageModel create(String name, ProviderConfig provider) {
        String key = apiKeys.keyFor(name, provider);
        Duration timeout = Duration.ofSeconds(provider.timeoutSeconds() != null ? provider.timeoutSeconds() : 60);
        String endpoint = endpointOf(provider);
        return new StreamingLanguageModel(name, provider, endpoint,
                ChatModelFactory.create(provider, endpoint, key, timeout), timeout);
    }

    /** The configured base URL, or the provider's usual public address when none is given. */
    static String endpointOf(ProviderConfig provider) {
        if (provider.baseUrl() != null && !provider.baseUrl().isBlank()) {
            return provider.baseUrl().strip();
        }
        return switch (provider.type()) {
            case OLLAMA -> "http://localhost:11434";
            case OPENAI -> "https://api.openai.com/v1";
            case ANTHROPIC -> "https://api.anthropic.com/v1";
            case GEMINI -> "https://generativelanguage.googleapis.com/v1beta";
            // Config validation rejects an openai-compatible provider without base-url.
            case OPENAI_COMPATIBLE -> throw new LlmException("openai-compatible providers need a base-url");
        };
    }
}
