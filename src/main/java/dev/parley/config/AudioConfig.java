package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * The {@code audio} section: the microphone, how an utterance is taken from it, and how its signal is
 * cleaned before voice detection and recognition.
 *
 * @param inputDevice part of the input device's name as Java Sound lists it; empty for the default
 * @param preRollMs audio kept from before the push-to-talk press, so a word spoken with the press survives
 * @param handsFree listen without push-to-talk and end each utterance at a pause
 * @param endOfSpeechSilenceMs in hands-free mode, the pause that ends an utterance
 * @param echoCancellation {@code auto} (on when hands-free), {@code on} or {@code off}: remove Parley's own
 *     voice from the microphone
 * @param noiseSuppression suppress steady background noise (costs the voice a few dB); off by default
 * @param autoGain adapt the microphone's level digitally; off by default
 * @param highPassFilter cut rumble below ~80 Hz whenever the microphone's processing runs (echo
 *     cancellation, noise suppression or auto gain); on by default, and alone it starts nothing
 * @param bargeInMinMs hands-free with echo cancellation: how long the user must talk over an answer to
 *     stop it when no word was recognized yet (a cough is shorter)
 * @param talkOver hands-free keeps listening while Parley speaks, so talking over it interrupts it (needs
 *     echo cancellation; Parley lowers its voice as soon as it hears someone). On by default; off where
 *     the canceller lets Parley's voice through on some audio path and it interrupts itself
 *     (docs/performance.md, "Talking over Parley")
 */
public record AudioConfig(String inputDevice, int preRollMs, boolean handsFree, int endOfSpeechSilenceMs,
        String echoCancellation, boolean noiseSuppression, boolean autoGain, boolean highPassFilter,
        int bargeInMinMs, boolean talkOver) {

    public static final int DEFAULT_PRE_ROLL_MS = 300;
    public static final int DEFAULT_END_OF_SPEECH_SILENCE_MS = 800;
    public static final String ECHO_AUTO = "auto";
    public static final String ECHO_ON = "on";
    public static final String ECHO_OFF = "off";
    static final List<String> ECHO_MODES = List.of(ECHO_AUTO, ECHO_ON, ECHO_OFF);
    static final int MAX_PRE_ROLL_MS = 2000;
    static final int MIN_SILENCE_MS = 200;
    static final int MAX_SILENCE_MS = 5000;
    public static final int DEFAULT_BARGE_IN_MIN_MS = 250;
    static final int MIN_BARGE_IN_MS = 50;
    static final int MAX_BARGE_IN_MS = 3000;

    /** Without {@code barge-in-min-ms} and {@code talk-over}: their defaults. */
    public AudioConfig(String inputDevice, int preRollMs, boolean handsFree, int endOfSpeechSilenceMs,
            String echoCancellation, boolean noiseSuppression, boolean autoGain, boolean highPassFilter) {
        this(inputDevice, preRollMs, handsFree, endOfSpeechSilenceMs, echoCancellation, noiseSuppression, autoGain,
                highPassFilter, DEFAULT_BARGE_IN_MIN_MS, true);
    }

    /** Keys left out of the section take their defaults (a missing number must not become 0 ms). */
    @JsonCreator
    static AudioConfig fromYaml(
            @JsonProperty("input-device") String inputDevice,
            @JsonProperty("pre-roll-ms") Integer preRollMs,
            @JsonProperty("hands-free") Boolean handsFree,
            @JsonProperty("end-of-speech-silence-ms") Integer endOfSpeechSilenceMs,
            @JsonProperty("echo-cancellation") String echoCancellation,
            @JsonProperty("noise-suppression") Boolean noiseSuppression,
            @JsonProperty("auto-gain") Boolean autoGain,
            @JsonProperty("high-pass-filter") Boolean highPassFilter,
            @JsonProperty("barge-in-min-ms") Integer bargeInMinMs,
            @JsonProperty("talk-over") Boolean talkOver) {
        return new AudioConfig(inputDevice == null ? "" : inputDevice,
                preRollMs == null ? DEFAULT_PRE_ROLL_MS : preRollMs,
                handsFree != null && handsFree,
                endOfSpeechSilenceMs == null ? DEFAULT_END_OF_SPEECH_SILENCE_MS : endOfSpeechSilenceMs,
                echoCancellation == null || echoCancellation.isBlank() ? ECHO_AUTO
                        : echoCancellation.strip().toLowerCase(Locale.ROOT),
                noiseSuppression != null && noiseSuppression,
                autoGain != null && autoGain,
                highPassFilter == null || highPassFilter,
                bargeInMinMs == null ? DEFAULT_BARGE_IN_MIN_MS : bargeInMinMs,
                talkOver == null || talkOver);
    }

    public static AudioConfig defaults() {
        return new AudioConfig("", DEFAULT_PRE_ROLL_MS, false, DEFAULT_END_OF_SPEECH_SILENCE_MS, ECHO_AUTO, false,
                false, true);
    }

    /** Whether Parley's own voice is to be removed from the microphone: {@code on}, or {@code auto} when hands-free. */
    public boolean cancelsEcho() {
        return ECHO_ON.equals(echoCancellation) || (ECHO_AUTO.equals(echoCancellation) && handsFree);
    }
}
