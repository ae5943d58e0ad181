package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamingResamplerTest {

    @ParameterizedTest(name = "{0} → {1} Hz")
    @CsvSource({"48000, 16000", "44100, 16000", "22050, 16000", "16000, 16000", "8000, 16000", "44101, 16000"})
    void givesWhatResamplingTheWholeClipGivesWhateverThePieces(int from, int to) {
        AudioClip clip = Signals.sine(440, 0.5, 1.0, from);
        float[] whole = Resampler.resample(clip, to).samples();

        StreamingResampler resampler = new StreamingResampler(from, to);
        Random random = new Random(7);
        float[] streamed = new float[0];
        float[] input = clip.samples();
        for (int at = 0; at < input.length; ) {
            int piece = Math.min(input.length - at, 1 + random.nextInt(2000));
            float[] out = resampler.push(Arrays.copyOfRange(input, at, at + piece));
            streamed = concat(streamed, out);
            at += piece;
        }

        // The stream holds back the last half filter of output until more input comes.
        assertThat(streamed.length).isBetween(whole.length - 200, whole.length);
        for (int i = 0; i < streamed.length; i++) {
            assertThat(streamed[i]).as("sample %d", i).isEqualTo(whole[i]);
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
