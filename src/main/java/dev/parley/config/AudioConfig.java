package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code audio} section: the microphone and how an utterance is taken from it.
 *
 * @param inputDevice part of the input device's name as Java Sound lists it; empty for the default
 * @param preRollMs audio kept from before the push-to-talk press, so a word spoken with the press survives
 * @param handsFree listen without push-to-talk and end each utterance at a pause
 * @param endOfSpeechSilenceMs in hands-free mode, the pause that ends an utterance
 */
public record AudioConfig(String inputDevice, int preRollMs, boolean handsFree, int endOfSpeechSilenceMs) {

    public static final int DEFAULT_PRE_ROLL_MS = 300;
    public static final int DEFAULT_END_OF_SPEECH_SILENCE_MS = 800;
    static final int MAX_PRE_ROLL_MS = 2000;
    static final int MIN_SILENCE_MS = 200;
    static final int MAX_SILENCE_MS = 5000;

    /** Keys left out of the section take their defaults (a missing number must not become 0 ms). */
    @JsonCreator
    static AudioConfig fromYaml(
            @JsonProperty("input-device") String inputDevice,
            @JsonProperty("pre-roll-ms") Integer preRollMs,
            @JsonProperty("hands-free") Boolean handsFree,
            @JsonProperty("end-of-speech-silence-ms") Integer endOfSpeechSilenceMs) {
        return new AudioConfig(inputDevice == null ? "" : inputDevice,
                preRollMs == null ? DEFAULT_PRE_ROLL_MS : preRollMs,
                handsFree != null && handsFree,
                endOfSpeechSilenceMs == null ? DEFAULT_END_OF_SPEECH_SILENCE_MS : endOfSpeechSilenceMs);
    }

    public static AudioConfig defaults() {
        return new AudioConfig("", DEFAULT_PRE_ROLL_MS, false, DEFAULT_END_OF_SPEECH_SILENCE_MS);
    }
}
