package dev.parley.audio.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EchoReturnLossEnhancementTest {

    private static final int SEGMENT = EchoReturnLossEnhancement.DEFAULT_SEGMENT_SAMPLES;

    @Test
    void anEchoTenTimesQuieterAfterCancellationIsTwentyDecibels() {
        float[] in = tone(10 * SEGMENT, 0.3f);
        float[] out = scaled(in, 0.1f);

        EchoReturnLossEnhancement erle = EchoReturnLossEnhancement.measure(in, out);

        assertThat(erle.segmentsDb()).hasSize(10);
        assertThat(erle.p50()).isCloseTo(20, within(0.01));
        assertThat(erle.p10()).isCloseTo(20, within(0.01));
    }

    @Test
    void segmentsWithoutEchoAreLeftOutAndSilenceOutIsCapped() {
        float[] in = tone(4 * SEGMENT, 0.3f);
        java.util.Arrays.fill(in, 0, 2 * SEGMENT, 0f); // a pause between sentences

        EchoReturnLossEnhancement erle = EchoReturnLossEnhancement.measure(in, new float[in.length]);

        assertThat(erle.segmentsDb()).containsExactly(EchoReturnLossEnhancement.MAX_DB, EchoReturnLossEnhancement.MAX_DB);
    }

    @Test
    void p10IsTheBadTailAndP50TheMedian() {
        EchoReturnLossEnhancement erle = new EchoReturnLossEnhancement(
                new double[] {30, 5, 40, 35, 25, 45, 50, 20, 10, 15});

        assertThat(erle.p10()).isEqualTo(5);
        assertThat(erle.p50()).isEqualTo(25);
    }

    private static float[] tone(int samples, float amplitude) {
        float[] tone = new float[samples];
        for (int i = 0; i < samples; i++) {
            tone[i] = amplitude * (float) Math.sin(2 * Math.PI * 440 * i / EchoCanceller.SAMPLE_RATE);
        }
        return tone;
    }

    private static float[] scaled(float[] samples, float gain) {
        float[] scaled = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            scaled[i] = samples[i] * gain;
        }
        return scaled;
    }
}
