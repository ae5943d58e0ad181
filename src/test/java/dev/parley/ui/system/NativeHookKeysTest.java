package dev.parley.ui.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kwhat.jnativehook.NativeInputEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import dev.parley.config.KeyChord;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the JNativeHook side decides without its natives: where it refuses, and how keys are named. */
class NativeHookKeysTest {

    @Test
    void waylandAndAMissingDisplayAreRefusedWithTheReason() {
        assertThat(NativeHookKeys.platformProblem(Map.of("XDG_SESSION_TYPE", "wayland", "DISPLAY", ":0"), "Linux"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("Wayland session"));
        assertThat(NativeHookKeys.platformProblem(Map.of("WAYLAND_DISPLAY", "wayland-0", "DISPLAY", ":0"), "Linux"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("Wayland session"));
        assertThat(NativeHookKeys.platformProblem(Map.of(), "Linux"))
                .hasValue("there is no X11 display (DISPLAY is not set)");
        assertThat(NativeHookKeys.platformProblem(Map.of("DISPLAY", ":99", "XDG_SESSION_TYPE", "x11"), "Linux")).isEmpty();
        assertThat(NativeHookKeys.platformProblem(Map.of(), "Windows 11")).isEmpty();
        assertThat(NativeHookKeys.platformProblem(Map.of(), "Mac OS X")).isEmpty();
    }

    @Test
    void startingWithoutADisplayIsRefusedBeforeTheLibraryIsTouched() {
        assertThatThrownBy(() -> new NativeHookKeys(Map.of(), "Linux").start(event -> { }))
                .isInstanceOf(GlobalKeysRefused.class).hasMessage("there is no X11 display (DISPLAY is not set)");
    }

    @Test
    void everyKeyAConfigMayNameHasAKeyCode() {
        assertThat(NativeHookKeys.NAMES.values()).containsExactlyInAnyOrderElementsOf(KeyChord.KEYS);
        assertThat(NativeHookKeys.NAMES.get(NativeKeyEvent.VC_SPACE)).isEqualTo("SPACE");
        assertThat(NativeHookKeys.NAMES.get(NativeKeyEvent.VC_BACKSPACE)).isEqualTo("BACK_SPACE");
    }

    @Test
    void eventsCarryTheKeyNameAndTheModifiersHeld() {
        NativeKeyEvent ctrlAltSpace = new NativeKeyEvent(NativeKeyEvent.NATIVE_KEY_PRESSED,
                NativeInputEvent.CTRL_L_MASK | NativeInputEvent.ALT_R_MASK, 0, NativeKeyEvent.VC_SPACE,
                NativeKeyEvent.CHAR_UNDEFINED);
        NativeKeyEvent ctrl = new NativeKeyEvent(NativeKeyEvent.NATIVE_KEY_RELEASED, 0, 0, NativeKeyEvent.VC_CONTROL,
                NativeKeyEvent.CHAR_UNDEFINED);

        assertThat(NativeHookKeys.translate(ctrlAltSpace, true))
                .isEqualTo(new GlobalKeyEvent("SPACE", Set.of(KeyChord.Modifier.CTRL, KeyChord.Modifier.ALT), true));
        assertThat(NativeHookKeys.translate(ctrl, false)).isEqualTo(new GlobalKeyEvent("", Set.of(), false));
    }
}
