package dev.parley.config;

import java.util.Optional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A key held with modifiers, as {@code ui.global-push-to-talk-key} names it: {@code F8},
 * {@code ctrl+alt+space}. Parsed here, without the key-hook library, so the loader and Settings can
 * name a wrong key before anything listens for it.
 *
 * @param modifiers the modifiers held with the key, exactly (Ctrl+F8 is not F8)
 * @param key one of {@link #KEYS}
 */
public record KeyChord(Set<Modifier> modifiers, String key) {

    public enum Modifier { CTRL, ALT, SHIFT, META }

    /** The key names accepted, as JavaFX names them for the in-window key (digits as 0-9). */
    public static final List<String> KEYS = Stream.of(
            IntStream.rangeClosed(1, 24).mapToObj(n -> "F" + n),
            IntStream.rangeClosed('A', 'Z').mapToObj(c -> String.valueOf((char) c)),
            IntStream.rangeClosed(0, 9).mapToObj(String::valueOf),
            Stream.of("SPACE", "ENTER", "TAB", "BACK_SPACE", "ESCAPE", "INSERT", "DELETE", "HOME", "END", "PAGE_UP",
                    "PAGE_DOWN", "UP", "DOWN", "LEFT", "RIGHT", "PAUSE", "SCROLL_LOCK", "PRINTSCREEN", "CONTEXT_MENU"))
            .flatMap(names -> names).toList();

    /** Keys that type in other applications: held alone there, they would talk at every keystroke. */
    private static final Set<String> TYPING_KEYS = Stream.concat(
            KEYS.stream().filter(name -> name.length() == 1),
            Stream.of("SPACE", "ENTER", "TAB", "BACK_SPACE")).collect(Collectors.toUnmodifiableSet());

    public KeyChord {
        modifiers = modifiers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modifiers));
    }

    /**
     * Reads {@code text} like {@code ctrl+alt+space} (any case, modifiers first: ctrl/control,
     * alt/option, shift, meta/super/win/cmd).
     *
     * @throws IllegalArgumentException saying what is wrong, phrased to follow the key name
     */
    public static KeyChord parse(String text) {
        List<String> parts = List.of(text.strip().split("\\s*\\+\\s*", -1));
        Set<Modifier> modifiers = new LinkedHashSet<>();
        for (String part : parts.subList(0, parts.size() - 1)) {
            modifiers.add(modifier(part).orElseThrow(() -> new IllegalArgumentException("is " + ShownValues.quoted(text)
                    + " but " + ShownValues.quoted(part) + " is no modifier; use ctrl, alt, shift or meta, like ctrl+alt+space")));
        }
        String key = keyName(parts.getLast());
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("is " + ShownValues.quoted(text) + " but " + ShownValues.quoted(parts.getLast())
                    + " is not a key Parley"
                    + " can listen for; use F1-F24, A-Z, 0-9, SPACE, ENTER, TAB, INSERT, PAUSE, ... with optional"
                    + " modifiers, like F8 or ctrl+alt+space");
        }
        if (modifiers.isEmpty() && TYPING_KEYS.contains(key)) {
            throw new IllegalArgumentException("is " + ShownValues.quoted(text) + ": alone, " + key + " would talk whenever you type in"
                    + " another application; add a modifier (ctrl+alt+" + key.toLowerCase(Locale.ROOT)
                    + ") or use a key like F8");
        }
        return new KeyChord(modifiers, key);
    }

    private static Optional<Modifier> modifier(String name) {
        return java.util.Optional.ofNullable(switch (name.toLowerCase(Locale.ROOT)) {
            case "ctrl", "control" -> Modifier.CTRL;
            case "alt", "option" -> Modifier.ALT;
            case "shift" -> Modifier.SHIFT;
            case "meta", "super", "win", "cmd", "command" -> Modifier.META;
            default -> null;
        });
    }

    private static String keyName(String name) {
        if (!name.chars().allMatch(c -> c < 0x80)) {
            return name; // upper-cased, Turkish ı would be I and the long ſ S: keys the user did not name
        }
        String upper = name.toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (upper) {
            case "ESC" -> "ESCAPE";
            case "BACKSPACE" -> "BACK_SPACE";
            case "PAGEUP" -> "PAGE_UP";
            case "PAGEDOWN" -> "PAGE_DOWN";
            default -> upper.matches("DIGIT[0-9]") ? upper.substring(5) : upper;
        };
    }

    /** As the window shows it: {@code Ctrl+Alt+Space}, {@code F8}. */
    @Override
    public String toString() {
        return joined(KeyChord::capitalized, key.length() <= 3 ? key : capitalized(key).replace('_', ' '));
    }

    /** As {@code config.yaml} holds it and {@link #parse} reads it back: {@code ctrl+alt+space}, {@code F8}. */
    public String written() {
        return joined(name -> name.toLowerCase(Locale.ROOT), key.length() <= 3 ? key : key.toLowerCase(Locale.ROOT));
    }

    /** The modifiers in a fixed order, each as {@code modifierName} spells its enum name, then {@code keyName}. */
    private String joined(UnaryOperator<String> modifierName, String keyName) {
        List<String> parts = new ArrayList<>();
        for (Modifier modifier : Modifier.values()) {
            if (modifiers.contains(modifier)) {
                parts.add(modifierName.apply(modifier.name()));
            }
        }
        parts.add(keyName);
        return String.join("+", parts);
    }

    private static String capitalized(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
