package dev.parley.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.conversation.Conversation;
import dev.parley.llm.ApiKeys;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LanguageModels;
import dev.parley.llm.LlmException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The event stream of typed turns, over a real client and a local server. */
class TextTurnEventsTest {

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.<String, String>of()::get),
            Path.of("target/test-llm-models"));

    private LanguageModel model(ScriptedLlmServer server) {
        return models.create("local", new ProviderConfig(ProviderType.OPENAI_COMPATIBLE, server.baseUrl(), "scripted",
                null, null, null, 10));
    }

    @Test
    void aTurnIsStartedThenStreamsThenCompletesUnderOneTurnNumber() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Hi", " there.").thinkingFirst("hmm"))) {
            TurnEvents events = new TurnEvents();
            List<TurnEvent> seen = new CopyOnWriteArrayList<>();
            events.subscribe(seen::add);

            new TextTurns(model(server), new Conversation(""), null, events).ask("Hello");

            assertThat(seen).extracting(event -> event.getClass().getSimpleName())
                    .containsExactly("Started", "Reasoning", "Text", "Text", "Completed");
            assertThat(seen).extracting(TurnEvent::turn).containsOnly(seen.getFirst().turn());
            var completed = (TurnEvent.Completed) seen.getLast();
            assertThat(completed.reply()).isEqualTo("Hi there.");
            assertThat(completed.reasoning()).isEqualTo("hmm");
            assertThat(completed.provider()).isEqualTo("local");
            assertThat(completed.outputTokens()).isEqualTo(7);
            assertThat(completed.timings().llmFirstTokenMs()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aCutOffReplyEndsInFailedWithWhatWasSaidAndTheConversationKeepsIt() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Half", " an answer", " lost").cutAfter(2))) {
            List<TurnEvent> seen = new CopyOnWriteArrayList<>();
            Conversation conversation = new Conversation("");

            assertThatThrownBy(() -> new TextTurns(model(server), conversation, null, seen::add).ask("Go on"))
                    .isInstanceOf(LlmException.class);

            var failed = (TurnEvent.Failed) seen.getLast();
            assertThat(failed.partialAnswer()).isEqualTo("Half an answer");
            assertThat(conversation.turns()).hasSize(2);
            assertThat(conversation.turns().getLast().interrupted()).isTrue();
        }
    }

    @Test
    void aSubscriberThatThrowsDoesNotBreakTheTurnOrTheOtherSubscribers() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Still fine."))) {
            TurnEvents events = new TurnEvents();
            List<TurnEvent> seen = new CopyOnWriteArrayList<>();
            events.subscribe(event -> {
                throw new IllegalStateException("a rendering bug");
            });
            events.subscribe(seen::add);

            var reply = new TextTurns(model(server), new Conversation(""), null, events).ask("Hello");

            assertThat(reply.text()).isEqualTo("Still fine.");
            assertThat(seen.getLast()).isInstanceOf(TurnEvent.Completed.class);
        }
    }
}
