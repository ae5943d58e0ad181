package dev.parley.firstrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LevelMeterTest {

    @Test
    void silenceReadsAsTheFloor() {
        float[] silence = new float[1600];

        assertThat(LevelMeter.rmsDbfs(silence, 0, silence.length)).isEqualTo(LevelMeter.FLOOR_DBFS);
        assertThat(LevelMeter.level(LevelMeter.FLOOR_DBFS)).isZero();
        assertThat(LevelMeter.bar(LevelMeter.FLOOR_DBFS, 10)).isEqualTo("[..........] -60 dB");
    }

    @Test
    void aFullScaleSineIsAboutMinusThreeDbRmsAndZeroDbPeak() {
        float[] sine = new float[16000];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) Math.sin(2 * Math.PI * 440 * i / 16000.0);
        }

        assertThat(LevelMeter.rmsDbfs(sine, 0, sine.length)).isCloseTo(-3.01, within(0.05));
        assertThat(LevelMeter.peakDbfs(sine, 0, sine.length)).isCloseTo(0.0, within(0.01));
        assertThat(LevelMeter.level(0.0)).isEqualTo(1.0);
    }

    @Test
    void theBarFillsWithTheLevel() {
        assertThat(LevelMeter.bar(-30, 10)).isEqualTo("[#####.....] -30 dB");
    }

    @Test
    void aVoiceIsHeardAndSilenceIsNot() {
        assertThat(new MicrophoneCheck.Result(true, -20, null).heardSomething()).isTrue();
        assertThat(new MicrophoneCheck.Result(true, -58, null).describe()).contains("is it muted");
        assertThat(new MicrophoneCheck.Result(false, -60, "no line").describe()).isEqualTo("no microphone: no line");
    }
}
