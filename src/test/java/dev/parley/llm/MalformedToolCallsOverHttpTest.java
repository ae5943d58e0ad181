package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.bench.ScriptedLlmServer.ToolCall;
import dev.parley.config.ToolsConfig;
import dev.parley.conversation.Message;
import dev.parley.llm.embedded.EmbeddedModels;
import dev.parley.llm.embedded.ModelDownloads;
import dev.parley.tools.Calculator;
import dev.parley.tools.Tool;
import dev.parley.tools.ToolArguments;
import dev.parley.tools.ToolConfirmer;
import dev.parley.tools.ToolParameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tool calls no tool can run: each goes back to the model as an error it can act on, and the reply goes
 * on. (A call with an empty name never reaches Parley: LangChain4j's client fails the reply with "name
 * cannot be null or blank".)
 */
class MalformedToolCallsOverHttpTest {

    @ParameterizedTest(name = "name ''{0}'', arguments {1}")
    @CsvSource(delimiter = '|', value = {
            "calculate | not json at all        | the arguments are not a JSON object",
            "calculate | [1, 2]                 | the arguments are not a JSON object",
            "calculate | {}                     | missing parameter 'expression'",
            "calculate | {\"expression\": null} | missing parameter 'expression'",
            "nonesuch  | {}                     | there is no tool named 'nonesuch'",
    })
    void aToolCallNoToolCanRunIsAnsweredWithAnErrorAndTheReplyGoesOn(String name, String arguments, String error)
            throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI,
                Reply.toolCalls(new ToolCall("call_1", name, arguments)), Reply.of("Sorry, that failed."))) {
            var runner = new ToolRunner(List.of(new Calculator()), new ToolsConfig(true, 5, 1, List.of()),
                    ToolConfirmer.DENY);
            LanguageModel model = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
                    new EmbeddedModels(Path.of("target/test-llm-models"), ModelDownloads.Progress.NONE), runner)
                    .create("local", ScriptedProviders.config(Protocol.OPENAI, server.baseUrl(), 10));

            LlmReply reply = model.reply(List.of(Message.user("Compute")), delta -> {});

            assertThat(reply.text()).isEqualTo("Sorry, that failed.");
            assertThat(server.requests().get(1).toString()).contains("error: " + error);
        }
    }

    @Test
    void aRoundOfThousandsOfCallsRunsTheFirstTwentyAndRefusesTheRest() throws Exception {
        ToolCall[] calls = IntStream.range(0, 2_000)
                .mapToObj(i -> new ToolCall("call_" + i, "calculate", "{\"expression\": \"" + i + "+1\"}"))
                .toArray(ToolCall[]::new);
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.toolCalls(calls), Reply.of("Done."))) {
            var runner = new ToolRunner(List.of(new Calculator()), new ToolsConfig(true, 5, 10, List.of()),
                    ToolConfirmer.DENY);
            LanguageModel model = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
                    new EmbeddedModels(Path.of("target/test-llm-models"), ModelDownloads.Progress.NONE), runner)
                    .create("local", ScriptedProviders.config(Protocol.OPENAI, server.baseUrl(), 10));
            List<String> shown = new ArrayList<>();

            LlmReply reply = model.reply(List.of(Message.user("Count")), new ReplyListener() {
                @Override
                public void onText(String delta) {}

                @Override
                public void onToolCall(String name, String argumentsJson) {
                    shown.add(argumentsJson);
                }
            });

            assertThat(reply.text()).isEqualTo("Done.");
            assertThat(shown).hasSize(ToolRunner.MAX_CALLS_PER_ROUND);
            List<String> results = server.requests().get(1).path("messages").findValues("content").stream()
                    .map(content -> content.asText()).filter(text -> !text.equals("Count")).toList();
            assertThat(results).hasSize(2_000);
            assertThat(results.get(19)).isEqualTo("20");
            assertThat(results.get(20)).startsWith("error: not run; at most 20 tool calls run in one round");
        }
    }

    @Test
    void aHugeToolResultReachesTheModelCutWithANote() throws Exception {
        Tool chatty = new Tool() {
            @Override
            public String name() {
                return "dump";
            }

            @Override
            public String description() {
                return "Dumps a lot.";
            }

            @Override
            public List<ToolParameter> parameters() {
                return List.of();
            }

            @Override
            public String execute(ToolArguments arguments) {
                return "y".repeat(3_000_000);
            }
        };
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.toolCalls(new ToolCall("call_1", "dump", "{}")),
                Reply.of("Plenty."))) {
            var runner = new ToolRunner(List.of(chatty), new ToolsConfig(true, 5, 10, List.of()), ToolConfirmer.DENY);
            LanguageModel model = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
                    new EmbeddedModels(Path.of("target/test-llm-models"), ModelDownloads.Progress.NONE), runner)
                    .create("local", ScriptedProviders.config(Protocol.OPENAI, server.baseUrl(), 10));

            assertThat(model.reply(List.of(Message.user("Dump")), ReplyListener.IGNORE).text()).isEqualTo("Plenty.");
            String given = server.requests().get(1).path("messages").findValues("content").stream()
                    .map(content -> content.asText()).filter(text -> text.startsWith("yyy")).findFirst().orElseThrow();
            assertThat(given.indexOf("\n[cut:")).isEqualTo(ToolRunner.MAX_RESULT_CHARS);
            assertThat(given).endsWith("\n[cut: the result was 3,000,000 characters; only the first 100,000 are shown]");
        }
    }
}
