package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One LLM endpoint as configured under {@code llm.providers.NAME}. The key itself is never in the
 * file: {@code apiKeyEnv} names the environment variable that holds it.
 */
public record ProviderConfig(
        @JsonProperty(required = true) ProviderType type,
        @JsonProperty("base-url") String baseUrl,
        @JsonProperty(required = true) String model,
        @JsonProperty("api-key-env") String apiKeyEnv,
        Double temperature,
        @JsonProperty("max-tokens") Integer maxTokens,
        @JsonProperty("timeout-seconds") Integer timeoutSeconds) {

    public ProviderConfig withOverrides(String newModel, String newBaseUrl) {
        return new ProviderConfig(type,
                newBaseUrl != null ? newBaseUrl : baseUrl,
                newModel != null ? newModel : model,
                apiKeyEnv, temperature, maxTokens, timeoutSeconds);
    }

}
