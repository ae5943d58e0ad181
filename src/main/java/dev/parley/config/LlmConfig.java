package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The {@code llm} section: which provider answers, how, and the prompt that shapes spoken replies. */
public record LlmConfig(
        @JsonProperty(required = true) String active,
        @JsonProperty("system-prompt") String systemPrompt,
        @JsonProperty(required = true) Map<String, ProviderConfig> providers) {

    public ProviderConfig activeProvider() {
        return providers.get(active);
    }
}
