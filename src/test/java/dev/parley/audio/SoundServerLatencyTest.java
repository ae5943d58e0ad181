package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.Test;

class SoundServerLatencyTest {

    @Test
    void theSoundServerSeesAShortLatencyRequestedByTheProcessItself() {
        assumeThat(System.getProperty("os.name")).containsIgnoringCase("linux");

        SoundServerLatency.request();

        String expected = System.getenv(SoundServerLatency.VARIABLE) != null
                ? System.getenv(SoundServerLatency.VARIABLE) // a value set before start wins
                : SoundServerLatency.MILLIS;
        assertThat(SoundServerLatency.current()).as("PULSE_LATENCY_MSEC as libpulse reads it").isEqualTo(expected);
    }
}
