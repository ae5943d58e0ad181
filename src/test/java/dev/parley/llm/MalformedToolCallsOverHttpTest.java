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
import dev.parley.tools.ToolConfirmer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
}
