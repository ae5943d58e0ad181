package dev.parley.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.KeyChord;
import java.util.Set;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyTextTest {

    @Test
    void theWindowKeyIsTheKeyPressedAsJavaFxNamesIt() {
        assertThat(KeyText.written(KeyField.Kind.WINDOW_KEY, KeyCode.F8, false, false, false, false)).contains("F8");
        assertThat(KeyText.written(KeyField.Kind.WINDOW_KEY, KeyCode.CONTROL, true, false, false, false))
                .contains("CONTROL");
        assertThat(KeyText.written(KeyField.Kind.WINDOW_KEY, KeyCode.SPACE, false, false, false, false)).contains("SPACE");
    }

    @Test
    void tabAndEscapeKeepTheirJobsInBothFields() {
        for (KeyField.Kind kind : KeyField.Kind.values()) {
            assertThat(KeyText.written(kind, KeyCode.TAB, false, false, false, false)).isEmpty();
            assertThat(KeyText.written(kind, KeyCode.TAB, false, false, true, false)).as("Shift+Tab goes back").isEmpty();
            assertThat(KeyText.written(kind, KeyCode.ESCAPE, false, false, false, false)).isEmpty();
        }
    }

    @Test
    void theGlobalChordHoldsItsModifiersAndWaitsForItsKey() {
        assertThat(KeyText.written(KeyField.Kind.GLOBAL_CHORD, KeyCode.CONTROL, true, false, false, false)).isEmpty();
        assertThat(KeyText.written(KeyField.Kind.GLOBAL_CHORD, KeyCode.ALT, true, true, false, false)).isEmpty();
        String chord = KeyText.written(KeyField.Kind.GLOBAL_CHORD, KeyCode.SPACE, true, true, false, false).orElseThrow();

        assertThat(chord).isEqualTo("ctrl+alt+space");
        assertThat(KeyChord.parse(chord)).isEqualTo(new KeyChord(Set.of(KeyChord.Modifier.CTRL, KeyChord.Modifier.ALT),
                "SPACE"));
    }

    @Test
    void backspaceAloneTurnsTheGlobalKeyOffButIsAKeyWithAModifier() {
        assertThat(KeyText.written(KeyField.Kind.GLOBAL_CHORD, KeyCode.BACK_SPACE, false, false, false, false)).contains("");
        assertThat(KeyText.written(KeyField.Kind.GLOBAL_CHORD, KeyCode.DELETE, false, false, false, false)).contains("");
        assertThat(KeyText.written(KeyField.Kind.GLOBAL_CHORD, KeyCode.BACK_SPACE, true, false, false, false))
                .contains("ctrl+back_space");
    }

    /** Whatever key of the global chord's list is pressed, the loader reads back that key. */
    @ParameterizedTest
    @EnumSource(KeyCode.class)
    void everyKeyTheChordCanHoldIsReadBackAsItself(KeyCode code) {
        String text = KeyText.written(KeyField.Kind.GLOBAL_CHORD, code, true, false, true, true).orElse(null);
        if (text == null) {
            assertThat(code.isModifierKey() || code == KeyCode.TAB || code == KeyCode.ESCAPE).as(code.name()).isTrue();
            return;
        }
        String name = code.name().startsWith("DIGIT") ? code.name().substring(5) : code.name();
        if (KeyChord.KEYS.contains(name)) {
            KeyChord chord = KeyChord.parse(text);
            assertThat(chord.key()).isEqualTo(name);
            assertThat(chord.modifiers()).containsExactlyInAnyOrder(KeyChord.Modifier.CTRL, KeyChord.Modifier.SHIFT,
                    KeyChord.Modifier.META);
        }
    }
}
