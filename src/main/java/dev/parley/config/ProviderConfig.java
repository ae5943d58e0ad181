package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One LLM endpoint as configured under {@code llm.providers.NAME}. The key itself is never in the
 * file: {@code apiKeyEnv} names the environment variable that holds it.
 *
 * <p>The sampling keys ({@code temperature}, {@code top-p}, {@code top-k}, {@code stop},
 * {@code seed}) and {@code max-tokens} are optional; null (or an empty {@code stop}) leaves the
 * provider's own default. Which of them a type accepts is {@link ProviderType#supportsTopK()} and
 * its siblings; {@link ConfigRules} checks the ranges.
 *
 * <p>{@code vision} says whether the model can see images: true, false, or auto (the default: asked
 * of an Ollama server, else judged by the model's name).
 *
 * <p>{@code budget} limits what this provider alone may spend, daily and monthly, next to the
 * overall {@code usage.budget}; unset: no limit of its own.
 */
public record ProviderConfig(
        @JsonProperty(required = true) ProviderType type,
        @JsonProperty("base-url") String baseUrl,
        @JsonProperty(required = true) String model,
        @JsonProperty("api-key-env") String apiKeyEnv,
        Double temperature,
        @JsonProperty("max-tokens") Integer maxTokens,
        @JsonProperty("timeout-seconds") Integer timeoutSeconds,
        @JsonProperty("top-p") Double topP,
        @JsonProperty("top-k") Integer topK,
        // One sequence may be written without brackets: stop: "User:"
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> stop,
        Integer seed,
        Vision vision,
        UsageConfig.Budget budget) {

    public ProviderConfig {
        stop = stop != null ? List.copyOf(stop) : List.of();
        vision = vision != null ? vision : Vision.AUTO;
        budget = budget != null ? budget : UsageConfig.Budget.NONE;
    }

    /** An endpoint without a budget of its own. */
    public ProviderConfig(ProviderType type, String baseUrl, String model, String apiKeyEnv, Double temperature,
            Integer maxTokens, Integer timeoutSeconds, Double topP, Integer topK, List<String> stop, Integer seed,
            Vision vision) {
        this(type, baseUrl, model, apiKeyEnv, temperature, maxTokens, timeoutSeconds, topP, topK, stop, seed, vision,
                null);
    }

    /** An endpoint whose vision is judged automatically. */
    public ProviderConfig(ProviderType type, String baseUrl, String model, String apiKeyEnv, Double temperature,
            Integer maxTokens, Integer timeoutSeconds, Double topP, Integer topK, List<String> stop, Integer seed) {
        this(type, baseUrl, model, apiKeyEnv, temperature, maxTokens, timeoutSeconds, topP, topK, stop, seed, null);
    }

    /** An endpoint with the provider's default sampling. */
    public ProviderConfig(ProviderType type, String baseUrl, String model, String apiKeyEnv, Double temperature,
            Integer maxTokens, Integer timeoutSeconds) {
        this(type, baseUrl, model, apiKeyEnv, temperature, maxTokens, timeoutSeconds, null, null, null, null, null);
    }

    public ProviderConfig withOverrides(String newModel, String newBaseUrl) {
        return new ProviderConfig(type,
                newBaseUrl != null ? newBaseUrl : baseUrl,
                newModel != null ? newModel : model,
                apiKeyEnv, temperature, maxTokens, timeoutSeconds, topP, topK, stop, seed, vision, budget);
    }

    /** The same endpoint with {@code vision} stated. */
    public ProviderConfig withVision(Vision newVision) {
        return new ProviderConfig(type, baseUrl, model, apiKeyEnv, temperature, maxTokens, timeoutSeconds, topP, topK,
                stop, seed, newVision, budget);
    }

    /** Another endpoint (type, address, model, key variable) with this one's sampling, limits, timeout and budget. */
    public ProviderConfig withEndpoint(ProviderType newType, String newBaseUrl, String newModel, String newApiKeyEnv) {
        return new ProviderConfig(newType, newBaseUrl, newModel, newApiKeyEnv, temperature, maxTokens, timeoutSeconds,
                topP, topK, stop, seed, vision, budget);
    }
}
