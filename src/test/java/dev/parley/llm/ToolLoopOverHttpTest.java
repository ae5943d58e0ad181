package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.bench.ScriptedLlmServer.ToolCall;
import dev.parley.config.ToolsConfig;
import dev.parley.conversation.Message;
import dev.parley.tools.Calculator;
import dev.parley.tools.Tool;
import dev.parley.tools.ToolArguments;
import dev.parley.tools.ToolConfirmer;
import dev.parley.tools.ToolParameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tool loop with the real LangChain4j clients over real HTTP, for the protocols with scripted tool calls. */
class ToolLoopOverHttpTest {

    /** Records what the listener is told, in order. */
    private static final class Recording implements ReplyListener {
        final List<String> text = Collections.synchronizedList(new ArrayList<>());
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onText(String delta) {
            text.add(delta);
        }

        @Override
        public void onToolCall(String toolName, String argumentsJson) {
            events.add("call " + toolName + " " + argumentsJson.replace(" ", ""));
        }

        @Override
        public void onToolResult(String toolName, String result) {
            events.add("result " + toolName + " " + result);
        }
    }

    /** A tool that sleeps far longer than the configured timeout. */
    private static final Tool SLOW = new Tool() {
        @Override
        public String name() {
            return "slow";
        }

        @Override
        public String description() {
            return "Never finishes in time.";
        }

        @Override
        public List<ToolParameter> parameters() {
            return List.of();
        }

        @Override
        public String execute(ToolArguments arguments) {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "too late";
        }
    };

    /** A tool that fails the way a bug would. */
    private static final Tool BROKEN = new Tool() {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public String description() {
            return "Always fails.";
        }

        @Override
        public List<ToolParameter> parameters() {
            return List.of();
        }

        @Override
        public String execute(ToolArguments arguments) {
            throw new IllegalStateException("disk on fire");
        }
    };

    private static LanguageModel model(Protocol protocol, ScriptedLlmServer server, ToolsConfig config,
            ToolConfirmer confirmer) {
        var runner = new ToolRunner(List.of(new Calculator(), SLOW, BROKEN), config, confirmer);
        return new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
                new dev.parley.llm.embedded.EmbeddedModels(Path.of("target/test-llm-models"),
                        dev.parley.llm.embedded.ModelDownloads.Progress.NONE), runner)
                .create("local", ScriptedProviders.config(protocol, server.baseUrl(), 10));
    }

    private static LanguageModel model(Protocol protocol, ScriptedLlmServer server) {
        return model(protocol, server, new ToolsConfig(true, 5, 1, List.of()), ToolConfirmer.DENY);
    }

    /** The text of every message of a recorded request, whatever the protocol's field is called. */
    private static List<String> contents(JsonNode request) {
        return StreamSupport.stream(request.path("messages").spliterator(), false)
                .map(message -> message.path("content").asText()).toList();
    }

    private static List<String> roles(JsonNode request) {
        return StreamSupport.stream(request.path("messages").spliterator(), false)
                .map(message -> message.path("role").asText()).toList();
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void runsTheToolTheModelAsksForAndStreamsTheAnswerToItsResult(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol,
                Reply.toolCall("calculate", "{\"expression\": \"12*7\"}"),
                Reply.of("12 times 7 is ", "84."))) {
            Recording listener = new Recording();

            LlmReply reply = model(protocol, server).reply(List.of(Message.user("What is 12 times 7?")), listener);

            assertThat(reply.text()).isEqualTo("12 times 7 is 84.");
            assertThat(listener.text).containsExactly("12 times 7 is ", "84.");
            assertThat(listener.events).containsExactly("call calculate {\"expression\":\"12*7\"}", "result calculate 84");
            assertThat(server.requests()).hasSize(2);
            JsonNode first = server.requests().get(0);
            assertThat(first.path("tools").findValuesAsText("name")).contains("calculate", "slow", "broken");
            JsonNode second = server.requests().get(1);
            assertThat(roles(second)).containsExactly("user", "assistant", "tool");
            assertThat(contents(second).getLast()).isEqualTo("84");
            if (protocol == Protocol.OPENAI) {
                // The result answers the call by its id.
                assertThat(second.path("messages").get(2).path("tool_call_id").asText()).isEqualTo("call_calculate_1");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"ANTHROPIC", "GEMINI"})
    void theToolRoundTripWorksOverTheAnthropicAndGeminiProtocolsToo(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol,
                Reply.toolCall("calculate", "{\"expression\": \"12*7\"}"),
                Reply.of("12 times 7 is ", "84."))) {
            Recording listener = new Recording();

            LlmReply reply = model(protocol, server).reply(List.of(Message.user("What is 12 times 7?")), listener);

            assertThat(reply.text()).isEqualTo("12 times 7 is 84.");
            assertThat(listener.events).containsExactly("call calculate {\"expression\":\"12*7\"}", "result calculate 84");
            assertThat(server.requests()).hasSize(2);
            // Each protocol words the tool exchange its own way; the tool offered and its result must be there.
            assertThat(server.requests().get(0).toString()).contains("\"calculate\"");
            String second = server.requests().get(1).toString();
            assertThat(second).contains("calculate").contains("84");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void toolFailuresAndTimeoutsReachTheModelAsTextAndTheUserStillGetsAnAnswer(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol,
                Reply.toolCalls(new ToolCall("call_1", "slow", "{}"), new ToolCall("call_2", "broken", "{}"),
                        new ToolCall("call_3", "calculate", "{\"expression\": \"1/0\"}"),
                        new ToolCall("call_4", "teleport", "{}")),
                Reply.of("Sorry, none of that worked."))) {
            Recording listener = new Recording();
            long start = System.nanoTime();

            LlmReply reply = model(protocol, server).reply(List.of(Message.user("Try everything")), listener);

            assertThat(reply.text()).isEqualTo("Sorry, none of that worked.");
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms, with a 1 s tool timeout").isLessThan(5_000);
            List<String> results = contents(server.requests().get(1)).subList(2, 6);
            assertThat(results.get(0)).startsWith("error: slow did not finish within 1 seconds");
            assertThat(results.get(1)).isEqualTo("error: broken failed: disk on fire");
            assertThat(results.get(2)).isEqualTo("error: division by zero");
            assertThat(results.get(3)).startsWith("error: there is no tool named 'teleport'");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void afterTheLastAllowedRoundTheToolsAreWithdrawnAndTheModelMustAnswer(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol,
                Reply.toolCall("calculate", "{\"expression\": \"1+1\"}"),
                Reply.toolCall("calculate", "{\"expression\": \"2+2\"}"),
                Reply.of("Two and four."))) {
            LanguageModel model = model(protocol, server, new ToolsConfig(true, 2, 1, List.of()), ToolConfirmer.DENY);

            LlmReply reply = model.reply(List.of(Message.user("Add things")), ReplyListener.IGNORE);

            assertThat(reply.text()).isEqualTo("Two and four.");
            List<JsonNode> requests = server.requests();
            assertThat(requests).hasSize(3);
            assertThat(requests.get(1).path("tools").isMissingNode() || requests.get(1).path("tools").isEmpty()).isFalse();
            assertThat(requests.get(2).path("tools").isMissingNode() || requests.get(2).path("tools").isEmpty())
                    .as("no tools offered in the last request").isTrue();
            assertThat(contents(requests.get(2))).contains(StreamingLanguageModel.NO_MORE_TOOLS);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void aModelThatKeepsCallingToolsEndsWithAClearSentence(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.toolCall("calculate", "{\"expression\": \"1+1\"}"))) {
            LanguageModel model = model(protocol, server, new ToolsConfig(true, 1, 1, List.of()), ToolConfirmer.DENY);
            Recording listener = new Recording();

            LlmReply reply = model.reply(List.of(Message.user("Loop forever")), listener);

            assertThat(reply.text()).isEqualTo(StreamingLanguageModel.TOOL_ROUNDS_EXHAUSTED);
            assertThat(String.join("", listener.text)).isEqualTo(StreamingLanguageModel.TOOL_ROUNDS_EXHAUSTED);
            assertThat(server.requests()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void aCallTheUserDoesNotConfirmIsNotRunAndTheModelIsToldSo(Protocol protocol) throws Exception {
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        try (var server = new ScriptedLlmServer(protocol,
                Reply.toolCall("calculate", "{\"expression\": \"2+2\"}"), Reply.of("Okay, I won't."))) {
            LanguageModel model = model(protocol, server, new ToolsConfig(true, 5, 1, List.of("calculate")),
                    (name, arguments) -> {
                        asked.add(name);
                        return false;
                    });
            Recording listener = new Recording();

            model.reply(List.of(Message.user("2+2?")), listener);

            assertThat(asked).containsExactly("calculate");
            assertThat(contents(server.requests().get(1)).getLast()).startsWith("error: the user did not confirm");
            assertThat(listener.events).noneMatch(event -> event.equals("result calculate 4"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void aConfirmedCallRuns(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol,
                Reply.toolCall("calculate", "{\"expression\": \"2+2\"}"), Reply.of("Four."))) {
            LanguageModel model = model(protocol, server, new ToolsConfig(true, 5, 1, List.of("calculate")),
                    (name, arguments) -> true);

            model.reply(List.of(Message.user("2+2?")), ReplyListener.IGNORE);

            assertThat(contents(server.requests().get(1)).getLast()).isEqualTo("4");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void withToolsDisabledNoToolsAreOffered(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("Hi."))) {
            model(protocol, server, new ToolsConfig(false, 5, 1, List.of()), ToolConfirmer.DENY)
                    .reply(List.of(Message.user("Hello")), ReplyListener.IGNORE);

            JsonNode tools = server.requests().getFirst().path("tools");
            assertThat(tools.isMissingNode() || tools.isNull() || tools.isEmpty()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void aFailureAfterToolsRanIsNotRetriedSoNoToolRunsTwice(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol,
                Reply.toolCall("calculate", "{\"expression\": \"2+2\"}"), Reply.error(503, "overloaded"),
                Reply.of("Four."))) {
            var runner = new ToolRunner(List.of(new Calculator()), new ToolsConfig(true, 5, 1, List.of()),
                    ToolConfirmer.DENY);
            var provider = ScriptedProviders.config(protocol, server.baseUrl(), 10);
            LanguageModel resilient = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
                    new dev.parley.llm.embedded.EmbeddedModels(Path.of("target/test-llm-models"),
                            dev.parley.llm.embedded.ModelDownloads.Progress.NONE), runner)
                    .createResilient("local", provider,
                            new dev.parley.config.LlmConfig("local", null, Map.of("local", provider)),
                            (config, model) -> model, retried -> { });

            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> resilient.reply(List.of(Message.user("2+2?")), ReplyListener.IGNORE))
                    .isInstanceOf(LlmException.class);
            assertThat(server.requests()).as("the tool round and the failed request, no retry").hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void textBeforeAToolCallAndTheAnswerAfterItStayApart(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol,
                new Reply(List.of(), List.of("Let me check."), 0, 0, null,
                        List.of(new ToolCall("call_1", "calculate", "{\"expression\": \"12*7\"}"))),
                Reply.of("It is 84."))) {
            Recording listener = new Recording();

            LlmReply reply = model(protocol, server).reply(List.of(Message.user("12*7?")), listener);

            assertThat(reply.text()).isEqualTo("Let me check. It is 84.");
            assertThat(String.join("", listener.text)).isEqualTo("Let me check. It is 84.");
        }
    }
}
