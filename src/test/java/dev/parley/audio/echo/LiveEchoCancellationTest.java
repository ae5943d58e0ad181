package dev.parley.audio.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two live threads meet 10 ms at a time: played audio paired with captured audio, in order. */
class LiveEchoCancellationTest {

    private static final int FRAME = EchoCanceller.FRAME_SAMPLES;

    /** Records the frame pairs and returns near minus far, so the pairing shows in the output. */
    private static final class RecordingCanceller implements EchoCanceller {
        final List<float[]> farFrames = new ArrayList<>();
        boolean closed;

        @Override
        public float[] process(float[] farEnd, float[] nearEnd) {
            farFrames.add(farEnd.clone());
            float[] out = new float[FRAME];
            for (int i = 0; i < FRAME; i++) {
                out[i] = nearEnd[i] - farEnd[i];
            }
            return out;
        }

        @Override
        public boolean cancelsEcho() {
            return true;
        }

        @Override
        public String description() {
            return "recording";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void pairsWhatWasPlayedWithWhatIsCapturedAndHandsBackWholeFrames() {
        RecordingCanceller canceller = new RecordingCanceller();
        LiveEchoCancellation echo = new LiveEchoCancellation(canceller);
        echo.played(constant(FRAME, 0.25f));

        float[] first = echo.captured(constant(FRAME + 40, 0.5f)); // a frame and a bit
        float[] second = echo.captured(constant(FRAME - 40, 0.5f)); // completes the second frame

        assertThat(first).hasSize(FRAME).containsOnly(0.25f);
        assertThat(second).hasSize(FRAME).containsOnly(0.5f); // nothing more played: the far end is silence
        assertThat(canceller.farFrames).hasSize(2);
    }

    @Test
    void aCaptureSideThatFallsBehindGetsOnlyTheLatestHalfSecondOfPlayedAudio() {
        RecordingCanceller canceller = new RecordingCanceller();
        LiveEchoCancellation echo = new LiveEchoCancellation(canceller);
        echo.played(constant(LiveEchoCancellation.MAX_BACKLOG_SAMPLES, 0.1f));
        echo.played(constant(FRAME, 0.9f));

        echo.captured(new float[LiveEchoCancellation.MAX_BACKLOG_SAMPLES]);

        assertThat(canceller.farFrames.getFirst()).containsOnly(0.1f);
        assertThat(canceller.farFrames.getLast()).containsOnly(0.9f);
    }

    @Test
    void withoutCancellationPlayedAudioIsIgnoredAndTheMicrophonePassesUnchanged() {
        LiveEchoCancellation echo = LiveEchoCancellation.off();
        echo.played(constant(FRAME, 0.3f));

        assertThat(echo.cancelsEcho()).isFalse();
        assertThat(echo.captured(constant(2 * FRAME, 0.5f))).hasSize(2 * FRAME).containsOnly(0.5f);
    }

    @Test
    void closedItPassesTheMicrophoneThroughAndClosesTheCanceller() {
        RecordingCanceller canceller = new RecordingCanceller();
        LiveEchoCancellation echo = new LiveEchoCancellation(canceller);

        echo.close();

        assertThat(canceller.closed).isTrue();
        assertThat(echo.cancelsEcho()).isFalse();
        assertThat(echo.captured(constant(10, 0.5f))).hasSize(10);
    }

    private static float[] constant(int samples, float value) {
        float[] constant = new float[samples];
        java.util.Arrays.fill(constant, value);
        return constant;
    }
}
