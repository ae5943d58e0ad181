package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.ProviderConfig;
import dev.parley.conversation.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sampling and limits as each real client puts them on the wire, and the finish reason as each
 * protocol reports it, over real HTTP against the scripted server.
 */
class SamplingOverHttpTest {

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
            Path.of("target/test-llm-models"));

    /** Every key the protocol has, with values no client would pick by itself. */
    private static ProviderConfig sampling(Protocol protocol, String baseUrl) {
        var type = ScriptedProviders.typeOf(protocol);
        return new ProviderConfig(type, baseUrl, "scripted", ScriptedProviders.KEY_VARIABLE, 0.3, 77, 5, 0.85,
                type.supportsTopK() ? 33 : null, List.of("User:", "###"), type.supportsSeed() ? 4242 : null);
    }

    private JsonNode requestWithSampling(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("Fine."))) {
            models.create("local", sampling(protocol, server.baseUrl()))
                    .reply(List.of(Message.system("Be brief."), Message.user("Hi")), ReplyListener.IGNORE);
            return server.requests().getFirst();
        }
    }

    @Test
    void openAiCompatibleSendsTopPStopSeedAndMaxTokens() throws Exception {
        JsonNode request = requestWithSampling(Protocol.OPENAI);

        assertThat(request.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(request.path("top_p").asDouble()).isEqualTo(0.85);
        assertThat(request.path("stop").toString()).isEqualTo("[\"User:\",\"###\"]");
        assertThat(request.path("seed").asInt()).isEqualTo(4242);
        assertThat(request.path("max_tokens").asInt()).isEqualTo(77);
        assertThat(request.has("top_k")).isFalse();
    }

    @Test
    void ollamaSendsEveryKeyAsAnOption() throws Exception {
        JsonNode options = requestWithSampling(Protocol.OLLAMA).path("options");

        assertThat(options.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(options.path("top_p").asDouble()).isEqualTo(0.85);
        assertThat(options.path("top_k").asInt()).isEqualTo(33);
        assertThat(options.path("stop").toString()).isEqualTo("[\"User:\",\"###\"]");
        assertThat(options.path("seed").asInt()).isEqualTo(4242);
        assertThat(options.path("num_predict").asInt()).isEqualTo(77);
    }

    @Test
    void anthropicSendsTopPTopKStopSequencesAndMaxTokens() throws Exception {
        JsonNode request = requestWithSampling(Protocol.ANTHROPIC);

        assertThat(request.path("top_p").asDouble()).isEqualTo(0.85);
        assertThat(request.path("top_k").asInt()).isEqualTo(33);
        assertThat(request.path("stop_sequences").toString()).isEqualTo("[\"User:\",\"###\"]");
        assertThat(request.path("max_tokens").asInt()).isEqualTo(77);
    }

    @Test
    void geminiSendsEveryKeyInTheGenerationConfig() throws Exception {
        JsonNode config = requestWithSampling(Protocol.GEMINI).path("generationConfig");

        assertThat(config.path("topP").asDouble()).isEqualTo(0.85);
        assertThat(config.path("topK").asInt()).isEqualTo(33);
        assertThat(config.path("stopSequences").toString()).isEqualTo("[\"User:\",\"###\"]");
        assertThat(config.path("seed").asInt()).isEqualTo(4242);
        assertThat(config.path("maxOutputTokens").asInt()).isEqualTo(77);
    }

    @Test
    void noStopSequencesAreSentAsNone() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Fine."))) {
            models.create("local", ScriptedProviders.config(Protocol.OPENAI, server.baseUrl(), 5))
                    .reply(List.of(Message.user("Hi")), ReplyListener.IGNORE);

            assertThat(server.requests().getFirst().has("stop")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aReplyStoppedAtMaxTokensSaysSo(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("The first half of", " a long").stoppedAtMaxTokens())) {
            LlmReply reply = models.create("local", ScriptedProviders.config(protocol, server.baseUrl(), 5))
                    .reply(List.of(Message.user("Tell me everything")), ReplyListener.IGNORE);

            assertThat(reply.text()).isEqualTo("The first half of a long");
            assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
            assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aFinishedReplyStoppedOnItsOwn(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("Done."))) {
            LlmReply reply = models.create("local", ScriptedProviders.config(protocol, server.baseUrl(), 5))
                    .reply(List.of(Message.user("Hi")), ReplyListener.IGNORE);

            assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(reply.finishReason()).isNotEqualTo(FinishReason.LENGTH);
        }
    }
}
