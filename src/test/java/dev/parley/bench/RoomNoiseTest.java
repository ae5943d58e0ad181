package dev.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RoomNoiseTest {

    private static final int RATE = BenchSpeech.SAMPLE_RATE;

    /** Half a second of silence, then a second of a 440 Hz tone at amplitude 0.1 (-23 dBFS RMS). */
    private static float[] toneAfterSilence() {
        float[] samples = new float[RATE * 3 / 2];
        for (int i = RATE / 2; i < samples.length; i++) {
            samples[i] = (float) (0.1 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        return samples;
    }

    @Test
    void noiseHasTheAskedLevelAndIsTheSameForTheSameSeed() {
        float[] noise = RoomNoise.of(RATE * 2, -40, 5);

        double sum = 0;
        for (float sample : noise) {
            sum += sample * (double) sample;
        }
        assertThat(10 * Math.log10(sum / noise.length)).isCloseTo(-40, within(0.01));
        assertThat(RoomNoise.of(RATE * 2, -40, 5)).containsExactly(noise);
        assertThat(RoomNoise.of(RATE * 2, -40, 6)).isNotEqualTo(noise);
    }

    @Test
    void theSpeechLevelLeavesPausesOutAndSpeechStartsWhereTheSoundDoes() {
        float[] tone = toneAfterSilence();

        assertThat(RoomNoise.activeLevelDb(tone)).isCloseTo(20 * Math.log10(0.1 / Math.sqrt(2)), within(0.1));
        assertThat(RoomNoise.speechOnset(tone)).isEqualTo(RATE / 2);
        assertThat(RoomNoise.activeLevelDb(RoomNoise.atLevel(tone, -30))).isCloseTo(-30, within(0.01));
    }
}
