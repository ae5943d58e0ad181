package dev.parley.voice;

import dev.parley.audio.AudioClip;
import dev.parley.audio.SpeechEndpointer;
import dev.parley.config.AudioConfig;
import dev.parley.stt.RecognitionStream;
import dev.parley.stt.SpeechRecognizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Utterances that were recorded before, "spoken" into streaming recognition at the pace of real
 * speech, as a microphone would deliver them: the benchmark's and the tests' stand-in for a
 * microphone. Releasing the talk key before the recording has played out feeds the rest at once.
 */
public final class RecordedSpeech implements SpeechInput {

    private static final int BLOCK_SAMPLES = SpeechRecognizer.SAMPLE_RATE / 40;
    private static final Duration PAUSE = Duration.ofMillis(AudioConfig.DEFAULT_END_OF_SPEECH_SILENCE_MS);

    private final SpeechRecognizer recognizer;
    private final Supplier<AudioClip> utterances;
    private final boolean echoCancelled;

    /** {@code utterances} gives the clip spoken in each push-to-talk, in turn. */
    public RecordedSpeech(SpeechRecognizer recognizer, Supplier<AudioClip> utterances) {
        this(recognizer, utterances, false);
    }

    /**
     * @param echoCancelled whether to stand for an echo-cancelled microphone, which listens while
     *     Parley speaks: a clip then also plays while an answer does ({@link #beginOverlapping})
     */
    public RecordedSpeech(SpeechRecognizer recognizer, Supplier<AudioClip> utterances, boolean echoCancelled) {
        this.recognizer = recognizer;
        this.utterances = utterances;
        this.echoCancelled = echoCancelled;
    }

    @Override
    public boolean hearsPastOwnVoice() {
        return echoCancelled;
    }

    @Override
    public Utterance begin(Consumer<String> partials, Runnable speechEnded) {
        RecognitionStream stream = recognizer.stream();
        LiveTranscript transcript = new LiveTranscript(stream, partials,
                new SpeechEndpointer(SpeechRecognizer.SAMPLE_RATE, PAUSE), speechEnded, false);
        return speak(transcript, stream::finish, stream::close);
    }

    @Override
    public Utterance beginOverlapping(Consumer<String> partials, Runnable speechEnded, Runnable bargedIn) {
        BargeInGate gate = new BargeInGate(recognizer::stream, Duration.ofMillis(BargeInWatcher.DEFAULT_MIN_SPEECH_MS),
                PAUSE, partials, speechEnded, bargedIn);
        return speak(gate, gate::finish, gate::cancel);
    }

    /** Plays the next clip into {@code listener} at the pace of speech. */
    private Utterance speak(Consumer<float[]> listener, Supplier<String> finished, Runnable dropped) {
        float[] samples = utterances.get().resampledTo(SpeechRecognizer.SAMPLE_RATE).samples();
        CountDownLatch released = new CountDownLatch(1);
        Thread speaking = Thread.ofVirtual().name("parley-recorded-speech").start(() -> {
            long start = System.nanoTime();
            try {
                for (int at = 0; at < samples.length; at += BLOCK_SAMPLES) {
                    long due = start + at * 1_000_000_000L / SpeechRecognizer.SAMPLE_RATE;
                    if (released.getCount() > 0 && due > System.nanoTime()) {
                        released.await(due - System.nanoTime(), TimeUnit.NANOSECONDS);
                    }
                    listener.accept(Arrays.copyOfRange(samples, at, Math.min(samples.length, at + BLOCK_SAMPLES)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // cancelled
            }
        });
        return new Utterance() {
            @Override
            public String finish() {
                released.countDown();
                join(speaking);
                return finished.get();
            }

            @Override
            public void cancel() {
                speaking.interrupt();
                join(speaking);
                dropped.run();
            }
        };
    }

    /** The utterance's audio is in the stream once this returns. */
    private static void join(Thread speaking) {
        try {
            speaking.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
