package dev.parley.ui.main;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Push-to-talk from the keyboard: holding the configured key anywhere in the window talks, except
 * where it would type (a space, a letter or a digit in a text field).
 */
final class TalkKey {

    private final Scene scene;
    private final ObjectBinding<KeyCode> key;

    TalkKey(Scene scene, ObservableStringValue keyName, MainViewModel main) {
        this.scene = scene;
        this.key = Bindings.createObjectBinding(() -> keyCode(keyName.get()), keyName);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == key.get() && !typing()) {
                event.consume();
                main.pressToTalk(); // repeated presses while held are ignored by the view model
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, event -> {
            if (event.getCode() == key.get() && !typing()) {
                event.consume();
                main.releaseToTalk();
            }
        });
    }

    /** "Hold Space to talk", following the key Settings saves. */
    StringBinding hint() {
        return Bindings.createStringBinding(() -> "Hold " + key.get().getName() + " to talk", key);
    }

    private boolean typing() {
        KeyCode talk = key.get();
        return scene.getFocusOwner() instanceof TextInputControl
                && (talk == KeyCode.SPACE || talk.isLetterKey() || talk.isDigitKey());
    }

    /** The key named in the config; Space when the name is unknown. */
    static KeyCode keyCode(String name) {
        try {
            return KeyCode.valueOf(name.strip().toUpperCase());
        } catch (RuntimeException e) {
            return KeyCode.SPACE;
        }
    }
}
