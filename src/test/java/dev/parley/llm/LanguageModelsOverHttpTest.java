package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.conversation.Message;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real LangChain4j clients, over real HTTP, against servers speaking each wire protocol. */
class LanguageModelsOverHttpTest {

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
            java.nio.file.Path.of("target/test-llm-models"));

    private LanguageModel modelFor(Protocol protocol, String baseUrl) {
        return models.create("local", ScriptedProviders.config(protocol, baseUrl, 5));
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void streamsTheAnswerInPiecesAndReturnsItWhole(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("Hello", " there", ", friend."))) {
            List<String> deltas = new ArrayList<>();

            LlmReply reply = modelFor(protocol, server.baseUrl())
                    .reply(List.of(Message.system("Be brief."), Message.user("Hi")), deltas::add);

            assertThat(deltas).containsExactly("Hello", " there", ", friend.");
            assertThat(reply.text()).isEqualTo("Hello there, friend.");
            assertThat(reply.outputTokens()).isEqualTo(7);
            assertThat(reply.firstTextNanos()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void sendsTheWholeConversationInOrder(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("Fine."))) {
            modelFor(protocol, server.baseUrl()).reply(List.of(Message.system("Be brief."), Message.user("one"),
                    Message.assistant("two"), Message.user("three")), ReplyListener.IGNORE);

            var messages = server.requests().getFirst().path("messages");
            assertThat(messages).hasSize(4);
            assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
            assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
            assertThat(messages.get(3).path("content").asText()).isEqualTo("three");
            assertThat(server.requests().getFirst().path("stream").asBoolean()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"ANTHROPIC", "GEMINI"})
    void sendsTheSystemPromptApartAndTheTurnsInOrder(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("Fine."))) {
            modelFor(protocol, server.baseUrl()).reply(List.of(Message.system("Be brief."), Message.user("one"),
                    Message.assistant("two"), Message.user("three")), ReplyListener.IGNORE);

            var request = server.requests().getFirst();
            var turns = request.path(protocol == Protocol.ANTHROPIC ? "messages" : "contents");
            assertThat(turns).hasSize(3);
            assertThat(turns.get(1).path("role").asText()).isEqualTo(protocol == Protocol.ANTHROPIC ? "assistant" : "model");
            assertThat(turns.get(2).toString()).contains("three");
            assertThat(request.path(protocol == Protocol.ANTHROPIC ? "system" : "systemInstruction").toString())
                    .contains("Be brief.");
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void nativeReasoningIsSeparatedFromTheAnswer(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol,
                Reply.of("The answer", " is four.").thinkingFirst("Two plus", " two is four."))) {
            List<String> answer = new ArrayList<>();
            List<String> reasoning = new ArrayList<>();

            LlmReply reply = modelFor(protocol, server.baseUrl()).reply(List.of(Message.user("2+2?")),
                    new ReplyListener() {
                        @Override
                        public void onText(String delta) {
                            answer.add(delta);
                        }

                        @Override
                        public void onReasoning(String delta) {
                            reasoning.add(delta);
                        }
                    });

            assertThat(String.join("", answer)).isEqualTo("The answer is four.");
            assertThat(reply.reasoning()).isEqualTo("Two plus two is four.");
            assertThat(String.join("", reasoning)).isEqualTo("Two plus two is four.");
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void inlineThinkTagsSplitAcrossStreamChunksNeverReachTheAnswer(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol,
                Reply.of("<thi", "nk>Let me see", ". Hmm.</th", "ink>\n\nIt is", " sunny."))) {
            StringBuilder answer = new StringBuilder();

            LlmReply reply = modelFor(protocol, server.baseUrl()).reply(List.of(Message.user("Weather?")),
                    answer::append);

            assertThat(answer.toString()).isEqualTo("It is sunny.");
            assertThat(reply.text()).isEqualTo("It is sunny.");
            assertThat(reply.reasoning()).isEqualTo("Let me see. Hmm.");
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void unreachableProviderFailsWithAMessageSayingWhatToDo(Protocol protocol) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = ScriptedProviders.closedUrl(protocol, closedPort);

        assertThatThrownBy(() -> modelFor(protocol, url).reply(List.of(Message.user("Hi")), ReplyListener.IGNORE))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("Provider 'local'")
                .hasMessageContaining(url)
                .hasMessageContaining("not reachable")
                .hasMessageContaining(protocol == Protocol.OLLAMA ? "ollama serve" : "base-url");
    }

    @ParameterizedTest
    @EnumSource(value = ProviderType.class, names = {"OPENAI", "ANTHROPIC", "GEMINI"})
    void cloudProviderWithoutItsKeyNamesTheVariableToSet(ProviderType type) {
        var provider = new ProviderConfig(type, null, "some-model", "MISSING_KEY", null, null, null);

        assertThatThrownBy(() -> models.create("cloud", provider))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("MISSING_KEY");
    }
}
