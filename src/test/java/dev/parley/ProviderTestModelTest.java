package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.conversation.Message;
import dev.parley.llm.ReadyCheck;
import dev.parley.llm.ReplyListener;
import dev.parley.testing.TestConfigs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider's test asks that provider and no one else: not its fallbacks, not the reply cache. */
class ProviderTestModelTest {

    @TempDir
    Path folder;

    private Components components(ScriptedLlmServer server) throws Exception {
        return Components.load(TestConfigs.write(folder, """
                llm:
                  active: alive
                  fallback: [alive]
                  cache: {enabled: true}
                  providers:
                    alive:
                      type: openai-compatible
                      base-url: %s
                      model: scripted
                      timeout-seconds: 5
                    dead:
                      type: openai-compatible
                      base-url: http://127.0.0.1:9/v1
                      model: scripted
                      timeout-seconds: 5
                """.formatted(server.baseUrl())));
    }

    @Test
    void testOfADownProviderFailsNamingItThoughItsFallbackWouldAnswer() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("ready"));
                Components components = components(server)) {
            ReadyCheck.Result result = ReadyCheck.run("dead", () -> components.modelToTest("dead"), ReadyCheck.LIMIT);

            assertThat(result.ok()).isFalse();
            assertThat(result.provider()).isEqualTo("dead");
            assertThat(result.error()).contains("'dead'");
            assertThat(server.requests()).as("the fallback was not asked").isEmpty();
        }
    }

    @Test
    void testAsksTheProviderThoughTheCacheHoldsTheSameRequest() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("ready"));
                Components components = components(server)) {
            components.languageModel(Components.LlmChoice.CONFIGURED)
                    .reply(List.of(Message.user(ReadyCheck.PROMPT)), ReplyListener.IGNORE); // now in the cache

            ReadyCheck.Result result = ReadyCheck.run("alive", () -> components.modelToTest("alive"), ReadyCheck.LIMIT);

            assertThat(result.ok()).as(result.error()).isTrue();
            assertThat(server.requests()).as("the test reached the provider").hasSize(2);
        }
    }
}
