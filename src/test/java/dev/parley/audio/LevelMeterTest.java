package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelMeterTest {

    @ParameterizedTest(name = "{0}: {2} dBFS")
    @CsvSource({
            "digital silence,        0.0,   -100",
            "full-scale square,      1.0,   0",
            "half-scale square,      0.5,   -6.02",
            "a tenth,                0.1,   -20",
            "below -100 dB,          1e-6,  -100",
    })
    void readsTheRmsOfASquareWaveInDbfs(String name, float amplitude, double dbfs) {
        float[] square = new float[800];
        for (int i = 0; i < square.length; i++) {
            square[i] = i % 2 == 0 ? amplitude : -amplitude;
        }

        assertThat(new LevelMeter(800).add(square).orElseThrow()).isCloseTo(dbfs, within(0.01));
    }

    @Test
    void aFullScaleSineReadsMinusThreeDb() {
        assertThat(new LevelMeter(16000).add(Signals.sine(1000, 1.0, 1.0, 16000).samples()).orElseThrow())
                .isCloseTo(-3.01, within(0.01));
    }

    @Test
    void readsOncePerWindowAcrossBlocks() {
        LevelMeter meter = new LevelMeter(800);

        assertThat(meter.add(new float[400])).isEqualTo(OptionalDouble.empty());
        assertThat(meter.add(new float[400])).isPresent();
        assertThat(meter.add(new float[799])).isEqualTo(OptionalDouble.empty());
        assertThat(meter.add(new float[1])).isPresent();
    }

    @Test
    void aFullScaleSinePeaksAtZeroDb() {
        float[] sine = Signals.sine(440, 1.0, 1.0, 16000).samples();

        assertThat(LevelMeter.peakDbfs(sine, 0, sine.length)).isCloseTo(0.0, within(0.01));
        assertThat(LevelMeter.peakDbfs(new float[100], 0, 100)).isEqualTo(LevelMeter.SILENCE_DB);
    }

    @ParameterizedTest(name = "{0} dBFS fills {1} of the meter, {2} of 10 cells")
    @CsvSource({
            "-100, 0.0,  0",
            "-60,  0.0,  0",
            "-30,  0.5,  5",
            "0,    1.0,  10",
            "3,    1.0,  10",
    })
    void theMeterSpansSixtyDecibelsBelowFullScale(double dbfs, double level, int cells) {
        assertThat(LevelMeter.meterLevel(dbfs)).isCloseTo(level, within(1e-9));
        assertThat(LevelMeter.meterCells(dbfs, 10)).isEqualTo(cells);
    }
}
