package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.Microphone;
import dev.parley.audio.SpeechEndpointer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveTranscriptTest {

    private static final int BLOCK = Microphone.BLOCK_SAMPLES;

    private final WordlessStream stream = new WordlessStream();
    private final AtomicInteger ended = new AtomicInteger();

    private LiveTranscript transcript(boolean waitForSpeech) {
        return new LiveTranscript(stream, partial -> { },
                new SpeechEndpointer(Microphone.SAMPLE_RATE, Duration.ofMillis(500)), ended::incrementAndGet,
                waitForSpeech);
    }

    @Test
    void handsFreeTheRecognizerGetsNothingWhileNobodySpeaksThenHalfASecondBeforeTheSpeechAndAllOfIt() {
        LiveTranscript handsFree = transcript(true);
        feed(handsFree, 60, 0.0005f); // a minute of a quiet room

        assertThat(stream.samples).as("a minute of silence is not decoded").isZero();

        feed(handsFree, 1.0, 0.3f); // a second of speech
        feed(handsFree, 1.0, 0.0005f); // the pause that ends it

        // The start is detected 100 ms into the speech; everything from half a second before it is decoded.
        long expected = Microphone.SAMPLE_RATE * 2L + LiveTranscript.LEAD_IN_SAMPLES - Microphone.SAMPLE_RATE / 10;
        assertThat(stream.samples).isBetween(expected - 2L * BLOCK, expected + 2L * BLOCK);
        assertThat(ended).hasValue(1);
    }

    @Test
    void withTheTalkKeyEverythingIsDecoded() {
        LiveTranscript pressed = transcript(false);
        feed(pressed, 3, 0.0005f);
        feed(pressed, 1, 0.3f);

        assertThat(stream.samples).isEqualTo(Microphone.SAMPLE_RATE * 4L);
    }

    /** {@code seconds} of noise at {@code level} (below speech when tiny), in microphone blocks. */
    private static void feed(LiveTranscript transcript, double seconds, float level) {
        java.util.Random random = new java.util.Random(7);
        for (long at = 0; at < seconds * Microphone.SAMPLE_RATE; at += BLOCK) {
            float[] block = new float[BLOCK];
            for (int i = 0; i < BLOCK; i++) {
                block[i] = level * (float) (random.nextDouble() * 2 - 1);
            }
            transcript.accept(block);
        }
    }
}
