package dev.parley.llm;

import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.parley.config.ProviderConfig;
import dev.parley.llm.embedded.EmbeddedModels;
import dev.parley.llm.embedded.JlamaChatModel;
import java.time.Duration;
import java.util.List;

/**
 * Builds the LangChain4j streaming client for a provider's wire protocol. The one place that knows
 * which LangChain4j class speaks which {@code type}. Every client is asked to return native
 * reasoning so it can be shown (never spoken), and talks HTTP through {@link HeaderKeepingHttpClient}
 * so that a 429's Retry-After header reaches the retry policy.
 *
 * <p>Sampling and limits go to each builder as the provider's API names them; a key the API lacks
 * (top-k for OpenAI, seed for Anthropic, all but temperature and max-tokens for the in-process
 * model) is rejected by config validation, so it is never silently dropped here. Anthropic requires
 * a reply limit, so it gets 1024 tokens when none is configured.
 */
final class ChatModelFactory {

    private ChatModelFactory() {}

    static StreamingChatModel create(ProviderConfig provider, String baseUrl, String apiKey, Duration timeout,
            EmbeddedModels embedded) {
        return switch (provider.type()) {
            case OLLAMA -> OllamaStreamingChatModel.builder()
                    .baseUrl(baseUrl)
                    .modelName(provider.model())
                    .temperature(provider.temperature())
                    .numPredict(provider.maxTokens())
                    .topP(provider.topP())
                    .topK(provider.topK())
                    .stop(stopOrNull(provider))
                    .seed(provider.seed())
                    .returnThinking(true)
                    .timeout(timeout)
                    .httpClientBuilder(HeaderKeepingHttpClient.builder().editingEvents(OllamaToolCallIndexes::new))
                    .build();
            case OPENAI, OPENAI_COMPATIBLE -> OpenAiStreamingChatModel.builder()
                    .baseUrl(baseUrl)
                    // Local OpenAI-compatible servers take any key but the client insists on one.
                    .apiKey(apiKey != null ? apiKey : "no-key")
                    .modelName(provider.model())
                    .temperature(provider.temperature())
                    .maxTokens(provider.maxTokens())
                    .topP(provider.topP())
                    .stop(stopOrNull(provider))
                    .seed(provider.seed())
                    .returnThinking(true)
                    .timeout(timeout)
                    .httpClientBuilder(HeaderKeepingHttpClient.builder())
                    .build();
            case ANTHROPIC -> AnthropicStreamingChatModel.builder()
                    .baseUrl(baseUrl)
                    .apiKey(apiKey)
                    .modelName(provider.model())
                    .temperature(provider.temperature())
                    .maxTokens(provider.maxTokens() != null ? provider.maxTokens() : 1024)
                    .topP(provider.topP())
                    .topK(provider.topK())
                    .stopSequences(stopOrNull(provider))
                    .returnThinking(true)
                    .timeout(timeout)
                    .httpClientBuilder(HeaderKeepingHttpClient.builder())
                    .build();
            case GEMINI -> GoogleAiGeminiStreamingChatModel.builder()
                    .baseUrl(baseUrl)
                    .apiKey(apiKey)
                    .modelName(provider.model())
                    .temperature(provider.temperature())
                    .maxOutputTokens(provider.maxTokens())
                    .topP(provider.topP())
                    .topK(provider.topK())
                    .stopSequences(stopOrNull(provider))
                    .seed(provider.seed())
                    .returnThinking(true)
                    .timeout(timeout)
                    .httpClientBuilder(HeaderKeepingHttpClient.builder())
                    .build();
            // baseUrl is "in-process" here; the provider's own base-url is where its files download from.
            case EMBEDDED -> new JlamaChatModel(provider.model(),
                    () -> embedded.folderFor(provider.model(), provider.baseUrl(), apiKey),
                    provider.temperature(), provider.maxTokens());
        };
    }

    /** No stop sequences are sent as none at all, not as an empty list some servers reject. */
    private static List<String> stopOrNull(ProviderConfig provider) {
        return provider.stop().isEmpty() ? null : provider.stop();
    }
}
