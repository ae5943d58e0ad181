package dev.parley.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.bench.ScriptedLlmServer.ToolCall;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.config.ToolsConfig;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.llm.ApiKeys;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LanguageModels;
import dev.parley.llm.ToolRunner;
import dev.parley.llm.embedded.EmbeddedModels;
import dev.parley.llm.embedded.ModelDownloads;
import dev.parley.text.SentenceChunker;
import dev.parley.tools.Calculator;
import dev.parley.tools.ToolConfirmer;
import dev.parley.conversation.ToolRound;
import dev.parley.conversation.Turn;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A calculation's tool call and result stay in the conversation across a restart: the follow-up's
 * request, as the real LangChain4j client of each protocol puts it on the wire, carries them.
 */
class ToolHistoryOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private static LanguageModel model(Protocol protocol, ScriptedLlmServer server) {
        ProviderType type = switch (protocol) {
            case OPENAI -> ProviderType.OPENAI_COMPATIBLE;
            case OLLAMA -> ProviderType.OLLAMA;
            case ANTHROPIC -> ProviderType.ANTHROPIC;
            case GEMINI -> ProviderType.GEMINI;
        };
        var tools = new ToolRunner(List.of(new Calculator()), new ToolsConfig(true, 5, 5, List.of()), ToolConfirmer.DENY);
        return new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
                new EmbeddedModels(Path.of("target/test-llm-models"), ModelDownloads.Progress.NONE), tools)
                .create("local", new ProviderConfig(type, server.baseUrl(), "scripted", "TEST_KEY", null, null, 10));
    }

    private static TurnRunner runner(LanguageModel model) {
        return new TurnRunner(model, null, new SentenceChunker.Settings(3, 200), Thread.ofVirtual().factory());
    }

    private static final ToolCall CALCULATE = new ToolCall("call_calc_1", "calculate", "{\"expression\":\"21*2\"}");

    /**
     * The history of the follow-up as each protocol must carry it: the question, the assistant's
     * words with its call, the call's result, the answer, then the new question. {@code ID} stands for
     * the call's id (the provider's, or Parley's where the provider gives none).
     */
    private static final Map<Protocol, String> EXPECTED_HISTORY = Map.of(
            Protocol.OPENAI, """
                    [{"role":"system","content":"You are Parley."},
                     {"role":"user","content":"what is 21*2"},
                     {"role":"assistant","content":"Let me work that out.","tool_calls":[{"id":"ID","type":"function",
                       "function":{"name":"calculate","arguments":"{\\"expression\\":\\"21*2\\"}"}}]},
                     {"role":"tool","tool_call_id":"ID","content":"42"},
                     {"role":"assistant","content":"21 times 2 is 42."},
                     {"role":"user","content":"and double that"}]""",
            Protocol.OLLAMA, """
                    [{"role":"system","content":"You are Parley."},
                     {"role":"user","content":"what is 21*2"},
                     {"role":"assistant","content":"Let me work that out.","tool_calls":[{"id":"ID",
                       "function":{"name":"calculate","arguments":{"expression":"21*2"}}}]},
                     {"role":"tool","content":"42"},
                     {"role":"assistant","content":"21 times 2 is 42.","tool_calls":[]},
                     {"role":"user","content":"and double that"}]""",
            Protocol.ANTHROPIC, """
                    [{"role":"user","content":[{"type":"text","text":"what is 21*2"}]},
                     {"role":"assistant","content":[{"type":"text","text":"Let me work that out."},
                       {"type":"tool_use","id":"ID","name":"calculate","input":{"expression":"21*2"}}]},
                     {"role":"user","content":[{"type":"tool_result","tool_use_id":"ID","content":"42"}]},
                     {"role":"assistant","content":[{"type":"text","text":"21 times 2 is 42."}]},
                     {"role":"user","content":[{"type":"text","text":"and double that"}]}]""",
            Protocol.GEMINI, """
                    [{"role":"user","parts":[{"text":"what is 21*2"}]},
                     {"role":"model","parts":[{"text":"Let me work that out."},
                       {"functionCall":{"id":"ID","name":"calculate","args":{"expression":"21*2"}}}]},
                     {"role":"user","parts":[{"functionResponse":{"id":"ID","name":"calculate",
                       "response":{"response":"42"}}}]},
                     {"role":"model","parts":[{"text":"21 times 2 is 42."}]},
                     {"role":"user","parts":[{"text":"and double that"}]}]""");

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void theCallAndItsResultAreSentAgainAfterARestartInTheProtocolsOwnShape(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol,
                new Reply(List.of(), List.of("Let me work that out."), 0, 0, null, List.of(CALCULATE)),
                Reply.of("21 times 2 is 42."),
                Reply.of("Doubled, that is 84."))) {
            Conversation conversation = new Conversation("You are Parley.");
            try (TurnRunner runner = runner(model(protocol, server))) {
                runner.run(conversation, "what is 21*2", new TurnClock(), event -> {}, null);
            }
            new ConversationStore(folder).save("maths", conversation);

            // A restart: a new store, model and runner; only the file carries the conversation over.
            Conversation restored = new ConversationStore(folder).load("maths");
            TurnResult followUp;
            try (TurnRunner runner = runner(model(protocol, server))) {
                followUp = runner.run(restored, "and double that", new TurnClock(), event -> {}, null);
            }

            assertThat(restored.turns().subList(0, 2)).isEqualTo(conversation.turns());
            var call = restored.turns().get(1).toolCalls().getFirst();
            assertThat(call.name()).isEqualTo("calculate");
            assertThat(call.result()).isEqualTo("42");
            if (protocol == Protocol.OPENAI || protocol == Protocol.ANTHROPIC) {
                assertThat(call.id()).as("the provider's own id").isEqualTo("call_calc_1");
            } else {
                assertThat(call.id()).as("an id Parley gave the call").matches("call_[0-9a-f]{24}");
            }
            assertThat(followUp.text()).isEqualTo("Doubled, that is 84.");
            assertThat(server.requests()).hasSize(3);
            JsonNode sent = server.requests().get(2).path(protocol == Protocol.GEMINI ? "contents" : "messages");
            // Compared as JSON trees: the order of messages and parts counts, that of an object's keys does not.
            assertThat(JSON.readTree(sent.toString().replace(call.id(), "ID")))
                    .isEqualTo(JSON.readTree(EXPECTED_HISTORY.get(protocol)));
        }
    }

    /**
     * A call whose arguments were not a JSON object (an OpenAI model may stream any text there) got an
     * error as its result; sent again later, to any protocol, it must not break the request: clients
     * that write arguments as an object would fail to parse it, and providers refuse a non-object.
     */
    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aCallWithArgumentsThatAreNotAJsonObjectIsSentAgainWithEmptyArguments(Protocol protocol) throws Exception {
        Instant at = Instant.parse("2026-12-04T09:00:00Z");
        var broken = new dev.parley.conversation.ToolCall("call_x", "calculate", "not json [at all",
                "error: the arguments are not a JSON object");
        Conversation conversation = Conversation.restore("", at, null, 0, List.of(Turn.user("what is 21*2", at),
                Turn.assistant("Sorry, that failed.", at, null, false, List.of(new ToolRound("", List.of(broken))))));
        try (var server = new ScriptedLlmServer(protocol, Reply.of("Try again?"));
                TurnRunner runner = runner(model(protocol, server))) {

            TurnResult result = runner.run(conversation, "and double that", new TurnClock(), event -> {}, null);

            assertThat(result.text()).isEqualTo("Try again?");
            String sent = server.requests().getFirst().toString();
            assertThat(sent).doesNotContain("not json [at all").contains("error: the arguments are not a JSON object");
        }
    }
}
