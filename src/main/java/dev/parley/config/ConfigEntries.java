package dev.parley.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of the lists and maps a config section holds, refusing the empty entries YAML allows
 * ({@code [a, null]}, {@code [a, ]}, a key with nothing after it) with a message naming the key,
 * where {@code List.copyOf} would fail with a bare NullPointerException.
 */
final class ConfigEntries {

    private ConfigEntries() {}

    /** Thrown while a section is built; the loader puts the section's key and the file's line in front. */
    static final class EmptyEntry extends IllegalArgumentException {
        final String key;

        EmptyEntry(String key, String problem) {
            super(problem);
            this.key = key;
        }
    }

    /** {@code list} unchangeable, or empty for null; {@code key} and {@code example} say what belongs in it. */
    static List<String> list(List<String> list, String key, String example) {
        if (list == null) {
            return List.of();
        }
        for (int index = 0; index < list.size(); index++) {
            if (list.get(index) == null) {
                throw new EmptyEntry(key, "has an empty entry (number " + (index + 1) + " of " + list.size()
                        + "); remove it or write " + example);
            }
        }
        return List.copyOf(list);
    }

    /**
     * {@code map} unchangeable, or empty for null; empty values are kept (in order) for the validator,
     * which names the entry and says what it needs.
     */
    static <V> Map<String, V> mapKeepingEmptyValues(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
