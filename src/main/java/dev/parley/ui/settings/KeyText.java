package dev.parley.ui.settings;

import dev.parley.config.KeyChord;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javafx.scene.input.KeyCode;

/** How a key pressed in a {@link KeyField} is written in {@code config.yaml}. */
final class KeyText {

    private static final Set<KeyCode> MODIFIERS = Set.of(KeyCode.CONTROL, KeyCode.ALT, KeyCode.SHIFT, KeyCode.META,
            KeyCode.WINDOWS, KeyCode.COMMAND, KeyCode.ALT_GRAPH);

    private KeyText() {
    }

    /**
     * What pressing {@code code} with the modifiers given writes into a field of {@code kind}; empty
     * when the press writes nothing (Tab and Esc, which keep their usual jobs, and a modifier alone in
     * the global chord, which waits for its key).
     */
    static Optional<String> written(KeyField.Kind kind, KeyCode code, boolean ctrl, boolean alt, boolean shift, boolean meta) {
        if (passesThrough(code)) {
            return Optional.empty();
        }
        if (kind == KeyField.Kind.WINDOW_KEY) {
            return Optional.of(code.name());
        }
        boolean modified = ctrl || alt || shift || meta;
        if (!modified && (code == KeyCode.BACK_SPACE || code == KeyCode.DELETE)) {
            return Optional.of(""); // off, as the prompt says
        }
        if (MODIFIERS.contains(code)) {
            return Optional.empty();
        }
        Set<KeyChord.Modifier> held = EnumSet.noneOf(KeyChord.Modifier.class);
        if (ctrl) {
            held.add(KeyChord.Modifier.CTRL);
        }
        if (alt) {
            held.add(KeyChord.Modifier.ALT);
        }
        if (shift) {
            held.add(KeyChord.Modifier.SHIFT);
        }
        if (meta) {
            held.add(KeyChord.Modifier.META);
        }
        // Digits as KeyChord names them (DIGIT1 is 1); a key it cannot listen for is written all the same,
        // for Settings' check to name.
        String key = code.name().startsWith("DIGIT") ? code.name().substring(5) : code.name();
        return Optional.of(new KeyChord(held, key).written());
    }

    static boolean passesThrough(KeyCode code) {
        return code == KeyCode.TAB || code == KeyCode.ESCAPE;
    }
}
