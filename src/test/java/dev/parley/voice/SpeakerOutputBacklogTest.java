package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.parley.audio.AudioClip;
import dev.parley.audio.Speaker;
import dev.parley.pipeline.SpeechSink;
import dev.parley.pipeline.TurnClock;
import dev.parley.tts.SpeechSynthesizer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A long text's speech on a real output device (the null sink on CI): synthesis, much faster than
 * playback, may run only a bounded way ahead of it, so the memory an answer holds does not grow with
 * its length (a 50,000-character /speak held about 1 MB more of audio for every second it played).
 */
@Tag("audio")
class SpeakerOutputBacklogTest {

    private static final int RATE = 16_000;
    /** Ten minutes of speech, handed over a second at a time as a synthesizer would. */
    private static final int SECONDS = 600;

    @BeforeEach
    void needsAnOutputDevice() {
        if (!Boolean.getBoolean("parley.requireAudio")) {
            assumeThat(Speaker.outputDeviceNames()).as("an audio output device").isNotEmpty();
        }
    }

    @Test
    void aSynthesizerFarAheadOfPlaybackWaitsUntilTheAnswerIsSilenced() throws Exception {
        SpeakerOutput output = new SpeakerOutput(new SilentVoice(), new Speaker(null));
        SpeechSink sink = output.open(new TurnClock(), () -> { }, heard -> { });
        AtomicInteger handedOver = new AtomicInteger();
        Thread synthesis = Thread.ofPlatform().name("test-synthesis").start(() -> {
            for (int second = 0; second < SECONDS; second++) {
                sink.piece(second, new AudioClip(new float[RATE], RATE));
                sink.chunkDone(second, "word");
                handedOver.incrementAndGet();
            }
        });

        while (!waitingOnAMonitor(synthesis) && synthesis.isAlive()) {
            Thread.onSpinWait();
        }
        assertThat(synthesis.isAlive()).as("the synthesis thread, %d seconds handed over", handedOver.get()).isTrue();
        assertThat(handedOver.get()).isLessThan(SECONDS / 10);

        sink.silence();
        synthesis.join(20_000);
        assertThat(synthesis.isAlive()).as("the synthesis thread once silenced").isFalse();
    }

    /** In Object.wait: held back, not a queue's lock met for a moment (a park). */
    private static boolean waitingOnAMonitor(Thread thread) {
        return thread.getState() == Thread.State.WAITING && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals("java.lang.Object") && frame.getMethodName().startsWith("wait"));
    }

    /** Only the sample rate matters: the test hands the pieces over itself. */
    private static final class SilentVoice implements SpeechSynthesizer {
        @Override
        public AudioClip synthesize(String text) {
            return new AudioClip(new float[0], RATE);
        }

        @Override
        public int sampleRate() {
            return RATE;
        }
    }
}
