package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.llm.LlmException;
import dev.parley.llm.SwitchableLanguageModel;
import dev.parley.testing.TestConfigs;
import dev.parley.voice.TurnController;
import dev.parley.voice.VoiceEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider switch checks the chain that will answer, and the switch is announced on the event stream. */
class ProviderSwitchTest {

    @TempDir
    Path folder;

    private Components components(ScriptedLlmServer server, String fallback) throws Exception {
        return Components.load(TestConfigs.write(folder, """
                llm:
                  active: alive
                  fallback: [%s]
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
                """.formatted(fallback, server.baseUrl())));
    }

    @Test
    void aProviderThatFailsItsCheckIsRefusedAndThePreviousOneStays() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Hi."));
                Components components = components(server, "")) {
            var model = new SwitchableLanguageModel(components.languageModel(Components.LlmChoice.CONFIGURED));
            List<VoiceEvent> events = new CopyOnWriteArrayList<>();
            try (TurnController assistant = components.voiceAssistant(model, components.newConversation())) {
                assistant.subscribe(events::add);

                assertThatThrownBy(() -> components.switchProvider(model, "dead"))
                        .isInstanceOf(LlmException.class).hasMessageContaining("Still using alive");

                assertThat(model.name()).isEqualTo("alive");
                assertThat(events).noneMatch(VoiceEvent.ProviderChanged.class::isInstance);
            }
        }
    }

    @Test
    void aProviderWhoseFallbackCanAnswerIsSwitchedToAndTheSwitchIsAnnounced() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Hi."));
                Components components = components(server, "alive")) {
            var model = new SwitchableLanguageModel(components.languageModel(Components.LlmChoice.CONFIGURED));
            List<VoiceEvent> events = new CopyOnWriteArrayList<>();
            try (TurnController assistant = components.voiceAssistant(model, components.newConversation())) {
                assistant.subscribe(events::add);

                components.switchProvider(model, "dead");

                assertThat(model.name()).isEqualTo("dead");
                assertThat(events).filteredOn(VoiceEvent.ProviderChanged.class::isInstance)
                        .containsExactly(new VoiceEvent.ProviderChanged("dead", model.describe()));
                // The switch's check is news on the same stream: the provider itself is down, its fallback up
                // (the links are checked at once, so in whichever order their answers come).
                assertThat(events).filteredOn(VoiceEvent.ProviderHealth.class::isInstance)
                        .extracting(e -> ((VoiceEvent.ProviderHealth) e).provider() + "=" + ((VoiceEvent.ProviderHealth) e)
                                .healthy())
                        .containsExactlyInAnyOrder("dead=false", "alive=true");
            }
        }
    }
}
