package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The {@code llm} section: which provider answers, how, the prompt that shapes spoken replies (a
 * template filled at each turn: see {@code conversation.PromptTemplate}), the user's name and how
 * many remembered facts it gets, what happens when a provider fails (retries, the fallback chain,
 * circuit breakers), how many requests one provider gets at once, the optional reply cache, how
 * long one reply may grow, and the limits on pictures a turn shows ({@code images}).
 */
public record LlmConfig(
        @JsonProperty(required = true) String active,
        @JsonProperty("system-prompt") String systemPrompt,
        @JsonProperty(required = true) Map<String, ProviderConfig> providers,
        List<String> fallback,
        RetryConfig retry,
        @JsonProperty("circuit-breaker") CircuitBreakerConfig circuitBreaker,
        @JsonProperty("max-concurrent-requests") Integer maxConcurrentRequests,
        CacheConfig cache,
        ToolsConfig tools,
        Map<String, McpServerConfig> mcp,
        @JsonProperty("user-name") String userName,
        MemoryConfig memory,
        @JsonProperty("reply-limits") ReplyLimitsConfig replyLimits,
        ImagesConfig images,
        HealthConfig health) {

    public LlmConfig {
        fallback = ConfigEntries.list(fallback, "fallback", "provider names like [openai, ollama]");
        retry = retry != null ? retry : RetryConfig.DEFAULTS;
        circuitBreaker = circuitBreaker != null ? circuitBreaker : CircuitBreakerConfig.DEFAULTS;
        maxConcurrentRequests = maxConcurrentRequests != null ? maxConcurrentRequests : 4;
        cache = cache != null ? cache : CacheConfig.DEFAULTS;
        tools = tools != null ? tools : ToolsConfig.DEFAULTS;
        mcp = ConfigEntries.mapKeepingEmptyValues(mcp);
        userName = userName != null ? userName.strip() : "";
        memory = memory != null ? memory : MemoryConfig.DEFAULTS;
        replyLimits = replyLimits != null ? replyLimits : ReplyLimitsConfig.DEFAULTS;
        images = images != null ? images : ImagesConfig.DEFAULTS;
        health = health != null ? health : HealthConfig.DEFAULTS;
    }

    public LlmConfig(String active, String systemPrompt, Map<String, ProviderConfig> providers, List<String> fallback,
            RetryConfig retry, CircuitBreakerConfig circuitBreaker, Integer maxConcurrentRequests, CacheConfig cache,
            ToolsConfig tools, Map<String, McpServerConfig> mcp, String userName, MemoryConfig memory,
            ReplyLimitsConfig replyLimits, ImagesConfig images) {
        this(active, systemPrompt, providers, fallback, retry, circuitBreaker, maxConcurrentRequests, cache, tools, mcp,
                userName, memory, replyLimits, images, null);
    }

    public LlmConfig(String active, String systemPrompt, Map<String, ProviderConfig> providers, List<String> fallback,
            RetryConfig retry, CircuitBreakerConfig circuitBreaker, Integer maxConcurrentRequests, CacheConfig cache,
            ToolsConfig tools, Map<String, McpServerConfig> mcp, String userName, MemoryConfig memory,
            ReplyLimitsConfig replyLimits) {
        this(active, systemPrompt, providers, fallback, retry, circuitBreaker, maxConcurrentRequests, cache, tools, mcp,
                userName, memory, replyLimits, null);
    }

    public LlmConfig(String active, String systemPrompt, Map<String, ProviderConfig> providers) {
        this(active, systemPrompt, providers, null, null, null, null, null, null, null, null, null, null);
    }

    public LlmConfig withSystemPrompt(String prompt) {
        return new LlmConfig(active, prompt, providers, fallback, retry, circuitBreaker, maxConcurrentRequests, cache, tools,
                mcp, userName, memory, replyLimits, images, health);
    }
}
