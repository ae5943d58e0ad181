package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.llm.SwitchableLanguageModel;
import dev.parley.testing.TestConfigs;
import dev.parley.testing.TestProperties;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsageRecord;
import dev.parley.voice.TurnController;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spending near a budget reaches the assistant's one event stream, which the window, the voice chat
 * and API clients render: once per limit, however many turns follow.
 */
class BudgetWarningEventsTest {

    @TempDir
    Path folder;

    private Runnable restoreDataDir;

    @BeforeEach
    void isolateLedger() {
        restoreDataDir = TestProperties.set("parley.data.dir", folder.resolve("data"));
    }

    @AfterEach
    void restore() {
        restoreDataDir.run();
    }

    @Test
    void aTurnAt80PercentOfAProvidersBudgetAnnouncesItOnceOnTheEventStream() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("One."), Reply.of("Two."));
                Components components = Components.load(TestConfigs.write(folder, """
                        llm:
                          active: paid
                          providers:
                            paid: {type: openai-compatible, base-url: "%s", model: gpt-4o-mini, budget: {daily: 1.00}}
                        """.formatted(server.baseUrl())))) {
            new UsageLedger(folder.resolve("data").resolve("usage.jsonl")).append(new UsageRecord(Instant.now(), "paid",
                    "gpt-4o-mini", null, 10, 10, 5, 50, 0.85));
            var model = new SwitchableLanguageModel(components.languageModel(Components.LlmChoice.CONFIGURED));
            List<VoiceEvent> events = new CopyOnWriteArrayList<>();
            BlockingQueue<VoiceState> ends = new LinkedBlockingQueue<>();
            try (TurnController assistant = components.voiceAssistant(model, components.newConversation())) {
                assistant.subscribe(events::add);
                assistant.subscribe(event -> {
                    if (event instanceof VoiceEvent.StateChanged change && change.to().atRest()) {
                        ends.add(change.to());
                    }
                });

                assistant.ask("first");
                assertThat(ends.poll(20, TimeUnit.SECONDS)).isEqualTo(VoiceState.IDLE);
                assistant.ask("second");
                assertThat(ends.poll(20, TimeUnit.SECONDS)).isEqualTo(VoiceState.IDLE);
            }

            List<VoiceEvent> warnings = events.stream().filter(VoiceEvent.BudgetWarning.class::isInstance).toList();
            assertThat(warnings).containsExactly(new VoiceEvent.BudgetWarning("llm.providers.paid.budget.daily",
                    "Spending is at 85 % of the daily budget for provider 'paid': 0.85 of 1.00 USD today"
                            + " (llm.providers.paid.budget.daily)."));
            assertThat(server.requests()).hasSize(2);
        }
    }
}
