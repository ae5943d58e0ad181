package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EarconTest {

    @Test
    void theWakeCueIsShortSoftAndStartsAndEndsSilently() {
        AudioClip cue = Earcon.wakeCue(48_000);

        assertThat(cue.durationSeconds()).isBetween(0.12, 0.2);
        float[] samples = cue.samples();
        float peak = 0;
        for (float sample : samples) {
            peak = Math.max(peak, Math.abs(sample));
        }
        assertThat(peak).isBetween(0.1f, 0.25f);
        assertThat(Math.abs(samples[0])).isLessThan(1e-3f);
        assertThat(Math.abs(samples[samples.length - 1])).isLessThan(1e-3f);
    }
}
