package dev.parley.config;

import dev.parley.testing.TestConfigs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.config.KeyChord.Modifier;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ui.global-push-to-talk-key and ui.close-to-tray: off by default, read as written, wrong keys named. */
class GlobalKeyConfigTest {

    @TempDir
    Path folder;

    private ParleyConfig load(String yaml) throws Exception {
        return new ConfigLoader().load(TestConfigs.withSection(folder, yaml));
    }

    @Test
    void bothAreOffWhenLeftOut() throws Exception {
        UiConfig ui = load("ui:\n  theme: dark\n").ui();

        assertThat(ui.globalPushToTalkKey()).isEmpty();
        assertThat(ui.hasGlobalPushToTalkKey()).isFalse();
        assertThat(ui.closeToTray()).isFalse();
        assertThat(load("").ui()).isEqualTo(UiConfig.defaults());
    }

    @Test
    void bothAreRead() throws Exception {
        UiConfig ui = load("ui:\n  global-push-to-talk-key: ctrl+alt+space\n  close-to-tray: true\n").ui();

        assertThat(ui.globalPushToTalkKey()).isEqualTo("ctrl+alt+space");
        assertThat(ui.closeToTray()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "F8                 | F8",
            "f8                 | F8",
            "ctrl+alt+space     | Ctrl+Alt+Space",
            "Control + Shift+p  | Ctrl+Shift+P",
            "super+F12          | Meta+F12",
            "alt+page-up        | Alt+Page up",
            "pause              | Pause"})
    void keysAreReadInAnyCaseWithTheirModifiers(String text, String shown) {
        assertThat(KeyChord.parse(text).toString()).isEqualTo(shown);
    }

    @Test
    void modifiersAreASetAndTheKeyItsName() {
        assertThat(KeyChord.parse("alt+ctrl+space")).isEqualTo(new KeyChord(Set.of(Modifier.CTRL, Modifier.ALT), "SPACE"));
        assertThat(KeyChord.parse("F8").modifiers()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "F99            | 'F99' is not a key Parley can listen for",
            "hyper+F8       | 'hyper' is no modifier",
            "space          | alone, SPACE would talk whenever you type in another application",
            "a              | alone, A would talk whenever you type",
            "ctrl+          | '' is not a key",
            "ctrl+ı         | 'ı' is not a key",
            "ctrl+alt+ſ     | 'ſ' is not a key"})
    void unknownKeysAreRefusedNamingTheKeyAndWhy(String key, String message) {
        assertThatThrownBy(() -> load("ui:\n  global-push-to-talk-key: \"" + key + "\"\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ui.global-push-to-talk-key is '" + key + "'")
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"ctrl+space", "ENTER", "a", "F 8"})
    void anInWindowTalkKeyThatCannotBeHeldIsRefusedNamingTheKey(String key) {
        // The window fell back to Space without a word.
        assertThatThrownBy(() -> load("ui:\n  push-to-talk-key: \"" + key + "\"\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ui.push-to-talk-key is '" + key + "' but must be one key held in the window")
                .hasMessageContaining("ui.global-push-to-talk-key");
    }

    @Test
    void anInWindowTalkKeyIsReadInAnyCase() throws Exception {
        assertThat(load("ui:\n  push-to-talk-key: f8\n").ui().pushToTalkKey()).isEqualTo("f8");
        assertThat(load("ui:\n  push-to-talk-key: Control\n").ui().pushToTalkKey()).isEqualTo("Control");
    }

    @Test
    void theRuleAcceptsEmptyAsOff() {
        assertThat(ConfigRules.globalPushToTalkKey("")).isEmpty();
        assertThat(ConfigRules.globalPushToTalkKey("ctrl+alt+space")).isEmpty();
        assertThat(ConfigRules.globalPushToTalkKey("F42")).isPresent();
    }
}
