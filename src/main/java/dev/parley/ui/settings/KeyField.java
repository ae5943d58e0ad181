package dev.parley.ui.settings;

import java.util.Optional;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;

/**
 * A key setting that is set by pressing the key, as key bindings are set in other desktop
 * applications: typing a key's name ({@code SPACE}, {@code ctrl+alt+space}) was how people got it
 * wrong. The text is what {@code config.yaml} holds, so Settings checks and saves it as before.
 * Tab still moves on and Esc still closes the window: neither can be a talk key here.
 */
final class KeyField extends TextField {

    /** Which setting the field holds, and so how a key press is written down. */
    enum Kind {
        /** {@code ui.push-to-talk-key}: one key, as JavaFX names it ({@code F8}, {@code CONTROL}). */
        WINDOW_KEY,
        /** {@code ui.global-push-to-talk-key}: a key with modifiers ({@code ctrl+alt+space}); empty is off. */
        GLOBAL_CHORD
    }

    KeyField(Kind kind, String id) {
        setId(id);
        setEditable(false);
        setPromptText(kind == Kind.GLOBAL_CHORD ? "off: press a key here, e.g. F8 or Ctrl+Alt+Space"
                : "press a key here");
        setAccessibleHelp(kind == Kind.GLOBAL_CHORD ? "Press the key to use, with its modifiers; Backspace turns it off"
                : "Press the key to use");
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            Optional<String> written = KeyText.written(kind, event.getCode(), event.isControlDown(), event.isAltDown(),
                    event.isShiftDown(), event.isMetaDown());
            if (written.isPresent()) {
                setText(written.get());
                event.consume();
            } else if (!KeyText.passesThrough(event.getCode())) {
                event.consume(); // a modifier alone: wait for the key held with it
            }
        });
    }
}
