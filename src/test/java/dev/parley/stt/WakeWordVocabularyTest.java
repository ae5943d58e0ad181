package dev.parley.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A wake word the speech model cannot hear is refused in words, not left to wait for ever. */
@Tag("real")
class WakeWordVocabularyTest {

    static VoskRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = VoskRecognizer.load(Path.of("models/vosk-model-small-en-us-0.15"));
    }

    @AfterAll
    static void close() {
        recognizer.close();
    }

    @Test
    void aPhraseOfKnownWordsIsListenedFor() {
        try (PhraseSpotter spotter = recognizer.spotter("Hey Parley")) {
            assertThat(spotter.endSegment()).isEmpty();
        }
    }

    @Test
    void aPhraseWithWordsTheModelLacksIsRefusedNamingThemAndTheKey() {
        assertThatThrownBy(() -> recognizer.spotter("hey xyzzy plugh"))
                .isInstanceOf(SpeechModelException.class)
                .hasMessageContaining("voice.wake-word")
                .hasMessageContaining("'xyzzy', 'plugh'")
                .hasMessageNotContaining("'hey'");
    }

    @Test
    void aPhraseInAnotherScriptIsRefusedForTheEnglishModel() {
        assertThatThrownBy(() -> recognizer.spotter("привет парли"))
                .isInstanceOf(SpeechModelException.class)
                .hasMessageContaining("'привет', 'парли'");
    }
}
