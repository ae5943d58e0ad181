package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The event names a client compares against are the same under every locale, Turkish's dotless i too. */
class EventJsonLocaleTest {

    @Test
    void stateAndStepNamesAreTheDocumentedOnesUnderATurkishLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            var state = EventJson.of(1, Instant.EPOCH, new VoiceEvent.StateChanged(VoiceState.IDLE, VoiceState.THINKING, 1, ""));
            var part = EventJson.of(2, Instant.EPOCH,
                    new VoiceEvent.SpeechPartChange("voice", VoiceEvent.SpeechPartChange.Step.FAILED, ""));

            assertThat(state.get("from").asText()).isEqualTo("idle");
            assertThat(state.get("to").asText()).isEqualTo("thinking");
            assertThat(part.get("step").asText()).isEqualTo("failed");
        } finally {
            Locale.setDefault(before);
        }
    }
}
