package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code voice} section: how hands-free listening is summoned.
 *
 * @param wakeWord the phrase hands-free listening waits for before a question ("hey parley"); ""
 *     (the default) listens to everything said
 * @param wakeSound a short earcon when the wake word is heard (on by default)
 */
public record VoiceConfig(String wakeWord, boolean wakeSound) {

    /** One to four words of letters or digits: what a spotter can listen for. */
    private static final Pattern PHRASE = Pattern.compile("\\p{L}[\\p{L}\\p{N}']*( \\p{L}[\\p{L}\\p{N}']*){0,3}");

    @JsonCreator
    static VoiceConfig fromYaml(@JsonProperty("wake-word") String wakeWord,
            @JsonProperty("wake-sound") Boolean wakeSound) {
        return new VoiceConfig(wakeWord == null ? "" : wakeWord.strip().replaceAll("\\s+", " "),
                wakeSound == null || wakeSound);
    }

    /** With the wake sound on. */
    public VoiceConfig(String wakeWord) {
        this(wakeWord, true);
    }

    public static VoiceConfig defaults() {
        return new VoiceConfig("");
    }

    public boolean hasWakeWord() {
        return !wakeWord.isEmpty();
    }

    /** Why {@code phrase} cannot be a wake word, or empty when it can ("" turns it off). */
    static Optional<String> wakeWordProblem(String phrase) {
        if (phrase.isEmpty() || PHRASE.matcher(phrase).matches() && phrase.length() <= 40) {
            return Optional.empty();
        }
        return Optional.of("is " + ShownValues.quoted(phrase) + " but must be one to four words of letters (like \"hey parley\"),"
                + " at most 40 characters, or \"\" for none");
    }
}
