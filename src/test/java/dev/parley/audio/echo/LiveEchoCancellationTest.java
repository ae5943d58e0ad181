package dev.parley.audio.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The two live threads meet 10 ms at a time: played audio paired with captured audio, in order, never slipping. */
class LiveEchoCancellationTest {

    private static final int FRAME = EchoCanceller.FRAME_SAMPLES;
    private static final int DELAY = LiveEchoCancellation.NEAR_DELAY_FRAMES * FRAME;

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RecordingCanceller canceller = new RecordingCanceller();
    private final LiveEchoCancellation echo = new LiveEchoCancellation(canceller, now::get);

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
    void theMicrophoneMayCarryParleysVoiceWhileTheCancellerSettlesAfterPlayedAudioStarts() {
        assertThat(echo.leaksOwnVoice()).as("nothing played yet").isFalse();

        echo.played(sound());
        assertThat(echo.leaksOwnVoice()).as("an answer's line just started").isTrue();
        for (long at = 0; at < LiveEchoCancellation.SETTLING_NANOS; at += 50_000_000L) {
            now.addAndGet(50_000_000L); // played on, block after block
            echo.played(sound());
        }
        assertThat(echo.leaksOwnVoice()).as("settled").isFalse();

        now.addAndGet(LiveEchoCancellation.NEW_LINE_GAP_NANOS / 2); // the synthesizer fell behind mid-answer
        echo.played(sound());
        assertThat(echo.leaksOwnVoice()).as("a gap within an answer").isFalse();

        now.addAndGet(LiveEchoCancellation.NEW_LINE_GAP_NANOS); // a pause between answers
        echo.played(sound());
        assertThat(echo.leaksOwnVoice()).as("the next answer's line started").isTrue();
    }

    @Test
    void aLineKeptOpenSettlesFromItsFirstSoundAndOnlyOnce() {
        for (int block = 0; block < 100; block++) { // 5 s of silence: the line opened, nothing said yet
            now.addAndGet(50_000_000L);
            echo.played(new float[FRAME]);
        }
        assertThat(echo.leaksOwnVoice()).as("silence gives the canceller nothing to settle on").isFalse();

        echo.played(sound());
        assertThat(echo.leaksOwnVoice()).as("the first answer's first sound").isTrue();
        for (int block = 0; block < 200; block++) { // the answer, then silence between answers, then the next
            now.addAndGet(50_000_000L);
            echo.played(block < 40 || block > 160 ? sound() : new float[FRAME]);
        }
        assertThat(echo.leaksOwnVoice()).as("the line never ran dry: the delay found still holds").isFalse();
    }

    /** 10 ms of a quiet tone, as an answer plays it. */
    private static float[] sound() {
        float[] frame = new float[FRAME];
        for (int i = 0; i < FRAME; i++) {
            frame[i] = (float) (0.1 * Math.sin(i * 0.3));
        }
        return frame;
    }

    @Test
    void withoutEchoCancellationNothingIsSettling() {
        LiveEchoCancellation off = LiveEchoCancellation.off();
        off.played(new float[FRAME]);

        assertThat(off.leaksOwnVoice()).isFalse();
    }

    @Test
    void capturedAudioPassesADelayLineAndComesBackInWholeFrames() {
        float[] first = echo.captured(constant(DELAY + FRAME + 40, 0.5f)); // the delay line, a frame and a bit
        float[] second = echo.captured(constant(FRAME - 40, 0.5f)); // completes the next frame

        assertThat(first).hasSize(FRAME).containsOnly(0.5f); // nothing played: the far end is silence
        assertThat(second).hasSize(FRAME).containsOnly(0.5f);
    }

    @Test
    void pairsPlayedAudioWithTheCapturedAudioThatFollowsIt() {
        echo.captured(constant(DELAY, 0.5f)); // fills the delay line
        echo.played(constant(FRAME, 0.25f));

        float[] paired = echo.captured(constant(FRAME, 0.5f));

        assertThat(paired).hasSize(FRAME).containsOnly(0.25f);
    }

    @Test
    void whilePlayingCapturedAudioWaitsForPlayedAudioInsteadOfSlipping() {
        echo.captured(constant(DELAY, 0.5f));
        echo.played(constant(FRAME, 0.25f));
        echo.captured(constant(FRAME, 0.5f));

        float[] early = echo.captured(constant(FRAME, 0.5f)); // the writer has not reported the next block yet
        echo.played(constant(FRAME, 0.125f));
        float[] late = echo.captured(new float[0]);

        assertThat(early).isEmpty();
        assertThat(late).hasSize(FRAME).containsOnly(0.375f);
    }

    @Test
    void whenPlayingStopsTheFarEndBecomesSilenceAgain() {
        echo.captured(constant(DELAY, 0.5f));
        echo.played(constant(FRAME, 0.25f));
        echo.captured(constant(FRAME, 0.5f));
        now.addAndGet(LiveEchoCancellation.PLAYING_NANOS + 1);

        assertThat(echo.captured(constant(FRAME, 0.5f))).hasSize(FRAME).containsOnly(0.5f);
    }

    @Test
    void aCaptureSideThatFallsBehindGetsOnlyTheLatestHalfSecondOfPlayedAudio() {
        echo.played(constant(LiveEchoCancellation.MAX_BACKLOG_SAMPLES, 0.1f));
        echo.played(constant(FRAME, 0.9f));

        echo.captured(new float[LiveEchoCancellation.MAX_BACKLOG_SAMPLES + DELAY]);

        assertThat(canceller.farFrames.getFirst()).containsOnly(0.1f);
        assertThat(canceller.farFrames.getLast()).containsOnly(0.9f);
    }

    @Test
    void withoutCancellationPlayedAudioIsIgnoredAndTheMicrophonePassesUnchanged() {
        LiveEchoCancellation off = LiveEchoCancellation.off();
        off.played(constant(FRAME, 0.3f));

        assertThat(off.cancelsEcho()).isFalse();
        assertThat(off.captured(constant(FRAME + 7, 0.5f))).hasSize(FRAME + 7).containsOnly(0.5f);
    }

    @Test
    void handsFreeSwitchedOnReplacesThePassThroughAtTheNextBlock() {
        LiveEchoCancellation switched = new LiveEchoCancellation(new PassThroughEchoCanceller(), now::get);
        assertThat(switched.cancelsEcho()).isFalse();

        switched.replace(canceller);
        switched.captured(constant(DELAY, 0.5f));
        switched.played(constant(FRAME, 0.25f));

        assertThat(switched.cancelsEcho()).isTrue();
        assertThat(switched.captured(constant(FRAME, 0.5f))).hasSize(FRAME).containsOnly(0.25f);
    }

    @Test
    void switchedOffItHandsBackWhatWasWaitingUnprocessedAndClosesTheCanceller() {
        echo.captured(constant(DELAY + 30, 0.5f)); // in the delay line, not yet processed

        echo.replace(new PassThroughEchoCanceller());
        float[] out = echo.captured(constant(FRAME, 0.75f));

        assertThat(canceller.closed).isTrue();
        assertThat(echo.cancelsEcho()).isFalse();
        assertThat(out).hasSize(DELAY + 30 + FRAME);
        assertThat(Arrays.copyOfRange(out, 0, DELAY + 30)).containsOnly(0.5f);
        assertThat(Arrays.copyOfRange(out, DELAY + 30, out.length)).containsOnly(0.75f);
    }

    @Test
    void closedItPassesTheMicrophoneThroughAndClosesTheCanceller() {
        echo.close();

        assertThat(canceller.closed).isTrue();
        assertThat(echo.cancelsEcho()).isFalse();
        assertThat(echo.captured(constant(10, 0.5f))).hasSize(10);
    }

    private static float[] constant(int samples, float value) {
        float[] constant = new float[samples];
        Arrays.fill(constant, value);
        return constant;
    }
}
