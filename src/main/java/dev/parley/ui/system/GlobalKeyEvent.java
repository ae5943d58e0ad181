package dev.parley.ui.system;

import dev.parley.config.KeyChord;
import java.util.Set;

/**
 * One key going down or up anywhere on the desktop.
 *
 * @param key its name as {@link KeyChord#KEYS} spells it, or empty for a key Parley has no name for
 *     (the modifiers themselves among them)
 * @param modifiers the modifiers held at that moment
 * @param pressed true when it went down (again while held: auto-repeat), false when released
 */
public record GlobalKeyEvent(String key, Set<KeyChord.Modifier> modifiers, boolean pressed) {

    public GlobalKeyEvent {
        modifiers = Set.copyOf(modifiers);
    }
}
