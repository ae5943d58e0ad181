package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.conversation.Conversation;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Switching providers at run time, with real clients over HTTP to two different protocols. */
class SwitchableLanguageModelTest {

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.<String, String>of()::get),
            java.nio.file.Path.of("target/test-llm-models"));

    private LanguageModel model(String name, ProviderType type, String url) {
        return models.create(name, new ProviderConfig(type, url, "scripted", null, null, null, 10));
    }

    @Test
    void aSwitchDuringAStreamingReplyLetsItFinishAndAppliesFromTheNextTurnWithTheContextKept() throws Exception {
        try (var slow = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("First", " answer", " from", " A.").delayedBy(150));
                var other = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Second answer from B."))) {
            SwitchableLanguageModel active = new SwitchableLanguageModel(
                    model("a", ProviderType.OPENAI_COMPATIBLE, slow.baseUrl()));
            Conversation conversation = new Conversation("Be brief.");
            conversation.addUser("Question one");
            CountDownLatch firstToken = new CountDownLatch(1);

            CompletableFuture<LlmReply> inFlight = CompletableFuture.supplyAsync(
                    () -> active.reply(conversation.messages(), delta -> firstToken.countDown()));
            assertThat(firstToken.await(5, TimeUnit.SECONDS)).isTrue();
            active.switchTo(model("b", ProviderType.OLLAMA, other.baseUrl()), candidate -> Optional.empty());
            assertThat(active.name()).isEqualTo("b");

            assertThat(inFlight.get(10, TimeUnit.SECONDS).text()).isEqualTo("First answer from A.");
            conversation.addAssistant("First answer from A.");
            conversation.addUser("Question two");
            assertThat(active.reply(conversation.messages(), ReplyListener.IGNORE).text()).isEqualTo("Second answer from B.");

            assertThat(slow.requests()).hasSize(1);
            var sentToB = other.requests().getFirst().path("messages");
            assertThat(sentToB).hasSize(4);
            assertThat(sentToB.get(2).path("content").asText()).isEqualTo("First answer from A.");
        }
    }

    @Test
    void aSwitchToAProviderThatFailsItsCheckIsRefusedAndTheCurrentOneStays() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Still here."))) {
            SwitchableLanguageModel active = new SwitchableLanguageModel(model("home", ProviderType.OLLAMA, server.baseUrl()));

            assertThatThrownBy(() -> active.switchTo(model("far", ProviderType.OLLAMA, "http://127.0.0.1:9"),
                    candidate -> Optional.of("it is not reachable.")))
                    .isInstanceOf(LlmException.class)
                    .hasMessage("Not switching to far: it is not reachable. Still using home.");

            assertThat(active.name()).isEqualTo("home");
            Conversation conversation = new Conversation("");
            conversation.addUser("Hello?");
            assertThat(active.reply(conversation.messages(), ReplyListener.IGNORE).text()).isEqualTo("Still here.");
        }
    }
}
