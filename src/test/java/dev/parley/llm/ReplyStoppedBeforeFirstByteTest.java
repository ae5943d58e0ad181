package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.conversation.Message;
import dev.parley.testing.HeldResponseServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A reply stopped while its provider has not sent a byte yet (a local server loading its model) closes
 * its request at once, with the real clients over real HTTP: no stream handle exists yet to cancel.
 */
class ReplyStoppedBeforeFirstByteTest {

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.of(ScriptedProviders.KEY_VARIABLE,
            "sk-test")::get), java.nio.file.Path.of("target/test-llm-models"));

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void aReplyStoppedBeforeTheProviderAnswersClosesItsRequest(Protocol protocol) throws Exception {
        try (HeldResponseServer provider = new HeldResponseServer()) {
            String base = ScriptedProviders.closedUrl(protocol, 1).replace("http://127.0.0.1:1", "");
            LanguageModel model = models.create("held", ScriptedProviders.config(protocol, provider.baseUrl(base), 60));
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            Thread asking = Thread.ofVirtual().start(() -> {
                try {
                    model.reply(List.of(Message.user("Hi")), ReplyListener.IGNORE);
                    ended.complete(null);
                } catch (RuntimeException e) {
                    ended.complete(e);
                }
            });
            assertThat(provider.awaitAccepted(1, Duration.ofSeconds(20))).as("the request reached the provider").isTrue();

            asking.interrupt();

            assertThat(ended.get(20, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(LlmException.class);
            assertThat(provider.awaitAllClosed(Duration.ofSeconds(10)))
                    .as("the request's connection closed well before the provider's 60 s timeout").isTrue();
        }
    }
}
