package dev.parley.llm;

import dev.parley.config.ProviderType;
import java.util.List;

/**
 * The API an endpoint speaks, the base URL a provider config should name for it, and the models it
 * listed (empty when it listed none).
 */
public record ApiDetection(Api api, String baseUrl, List<String> models) {

    public enum Api {
        OLLAMA_CHAT("ollama-chat", ProviderType.OLLAMA),
        /** Ollama's older completion route only; Parley's ollama type talks to /api/chat. */
        OLLAMA_GENERATE("ollama-generate", ProviderType.OLLAMA),
        OPENAI("openai", ProviderType.OPENAI_COMPATIBLE);

        private final String label;
        private final ProviderType providerType;

        Api(String label, ProviderType providerType) {
            this.label = label;
            this.providerType = providerType;
        }

        public String label() {
            return label;
        }

        /** The {@code type} a provider config uses for this API. */
        public ProviderType providerType() {
            return providerType;
        }
    }

    public ApiDetection {
        models = List.copyOf(models);
    }
}
