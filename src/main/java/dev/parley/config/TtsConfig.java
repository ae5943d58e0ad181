package dev.parley.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code tts} section: which MaryTTS voice, how fast and how loud it speaks, which device plays it.
 *
 * @param rate speaking rate relative to the voice's own, 1.0 as recorded
 * @param volume loudness as a fraction of full scale, 1.0 as synthesized
 */
public record TtsConfig(String voice, String outputDevice, double rate, double volume) {

    public static final double MIN_RATE = 0.5;
    public static final double MAX_RATE = 2.0;
    public static final double MIN_VOLUME = 0.1;
    public static final double MAX_VOLUME = 1.0;

    /** Keys left out take their defaults (a missing rate must not become 0). */
    @JsonCreator
    static TtsConfig fromYaml(
            @JsonProperty("voice") String voice,
            @JsonProperty("output-device") String outputDevice,
            @JsonProperty("rate") Double rate,
            @JsonProperty("volume") Double volume) {
        return new TtsConfig(voice, outputDevice == null ? "" : outputDevice,
                rate == null ? 1.0 : rate, volume == null ? 1.0 : volume);
    }

    static TtsConfig defaults(String voice) {
        return new TtsConfig(voice, "", 1.0, 1.0);
    }

    TtsConfig withVoice(String name) {
        return new TtsConfig(name, outputDevice, rate, volume);
    }
}
