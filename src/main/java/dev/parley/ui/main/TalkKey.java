package dev.parley.ui.main;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import dev.parley.ui.settings.SettingsChecks;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import java.util.Locale;

/**
 * Push-to-talk from the keyboard: holding the configured key anywhere in the window talks, except
 * where it would type (a space, a letter or a digit in a text field).
 */
final class TalkKey {

    private final Scene scene;
    private final ObjectBinding<KeyCode> key;
    /** Whether this key's press started the talking: its release ends it wherever the keyboard went meanwhile. */
    private boolean held;

    TalkKey(Scene scene, ObservableStringValue keyName, MainViewModel main) {
        this.scene = scene;
        this.key = Bindings.createObjectBinding(() -> keyCode(keyName.get()), keyName);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == key.get() && (held || !typing())) {
                event.consume();
                held = true;
                main.pressToTalk(); // repeated presses while held are ignored by the view model
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, event -> {
            if (event.getCode() == key.get() && (held || !typing())) {
                event.consume();
                held = false;
                main.releaseToTalk();
            }
        });
        // Released in another application, the key's release never comes here: leaving the window ends it.
        scene.windowProperty().addListener((obs, old, window) -> {
            if (window != null) {
                window.focusedProperty().addListener((focus, was, focused) -> {
                    if (!focused && held) {
                        held = false;
                        main.releaseToTalk();
                    }
                });
            }
        });
    }

    /** "Hold Space to talk", following the key Settings saves. */
    StringBinding hint() {
        return Bindings.createStringBinding(() -> "Hold " + key.get().getName() + " to talk", key);
    }

    /** The talk key's name as the keyboard shows it ("Space", "F8"), following the key Settings saves. */
    StringBinding keyName() {
        return Bindings.createStringBinding(() -> key.get().getName(), key);
    }

    /**
     * Whether the focused control wants the key itself: a text field the key would type in, or a
     * control reached from the keyboard (Tab), which Space presses. A button focused by a click does
     * not keep Space from talking.
     */
    private boolean typing() {
        KeyCode talk = key.get();
        Node focus = scene.getFocusOwner();
        if (focus instanceof TextInputControl) {
            return talk == KeyCode.SPACE || talk.isLetterKey() || talk.isDigitKey();
        }
        return talk == KeyCode.SPACE && focus instanceof Control && focus.isFocusVisible();
    }

    /** The key named in the config; Space when the name is unknown or the key is needed for something else. */
    static KeyCode keyCode(String name) {
        try {
            KeyCode named = KeyCode.valueOf(name.strip().toUpperCase(Locale.ROOT));
            return SettingsChecks.talkKeyProblem(named).isEmpty() ? named : KeyCode.SPACE;
        } catch (RuntimeException e) {
            return KeyCode.SPACE;
        }
    }
}
