package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyPaths;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.llm.ApiKeys;
import dev.parley.pipeline.TurnClock;
import dev.parley.pipeline.TurnRunner;
import dev.parley.testing.TestConfigs;
import dev.parley.tools.Memory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped system prompt as the model receives it, over real HTTP: filled with today's date, the
 * user's name and a fact remembered with the {@code remember} tool, in new and in saved conversations.
 */
class SystemPromptOverHttpTest {

    @TempDir
    Path folder;

    private Components components(ScriptedLlmServer server) throws Exception {
        // No system-prompt key: the default in code, the shipped one, is used.
        Path config = TestConfigs.write(folder, """
                llm:
                  active: local
                  user-name: Sam
                  providers:
                    local: {type: openai-compatible, base-url: "%s", model: scripted, timeout-seconds: 10}
                """.formatted(server.baseUrl()));
        ParleyPaths paths = new ParleyPaths(folder, folder, folder.resolve("data"), folder.resolve("logs"));
        Files.createDirectories(paths.dataDir());
        new Memory(paths.dataDir().resolve("memory.json"), Clock.systemUTC()).remember("My wife's name is Anna.");
        return new Components(paths, new ConfigLoader().load(config, paths), new ApiKeys(Map.<String, String>of()::get));
    }

    private static String systemMessage(JsonNode request) {
        JsonNode first = request.path("messages").get(0);
        assertThat(first.path("role").asText()).isEqualTo("system");
        return first.path("content").asText();
    }

    @Test
    void theRequestsSystemMessageHasTodaysDateTheNameAndARememberedFact() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Her name is Anna."));
                Components components = components(server);
                TurnRunner runner = components.turnRunner(components.languageModel(Components.LlmChoice.CONFIGURED))) {
            LocalDate before = LocalDate.now();

            runner.run(components.newConversation(), "What's my wife's name?", new TurnClock(), event -> { }, null);

            String system = systemMessage(server.requests().getFirst());
            assertThat(system).containsAnyOf(before.toString(), LocalDate.now().toString())
                    .contains("You are talking with Sam.")
                    .contains("- My wife's name is Anna.")
                    .doesNotContain("{");
        }
    }

    @Test
    void aSavedConversationKeepsTheTemplateAndIsFilledAgainWhenContinued() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Hello."));
                Components components = components(server);
                TurnRunner runner = components.turnRunner(components.languageModel(Components.LlmChoice.CONFIGURED))) {
            ConversationStore store = components.conversationStore();
            Conversation first = components.newConversation();
            runner.run(first, "Hi", new TurnClock(), event -> { }, null);
            store.save("kept", first);

            runner.run(store.load("kept"), "Remind me about Anna", new TurnClock(), event -> { }, null);

            assertThat(Files.readString(store.fileFor("kept"))).contains("{date}").contains("{memories}");
            assertThat(systemMessage(server.requests().get(1))).contains("- My wife's name is Anna.")
                    .doesNotContain("{date}");
        }
    }
}
