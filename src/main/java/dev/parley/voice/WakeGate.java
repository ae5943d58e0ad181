package dev.parley.voice;

import dev.parley.audio.SpeechEndpointer;
import dev.parley.stt.PhraseSpotter;
import dev.parley.stt.RecognitionStream;
import dev.parley.stt.SpeechRecognizer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hands-free with a wake word: the microphone's audio waits here until the phrase is heard, then
 * becomes the utterance. While waiting, only speech reaches the {@link PhraseSpotter} (silence costs
 * nothing) and nothing is transcribed or shown: what is said to others in the room stays private.
 * Once the phrase is heard, what followed it (the question in the same breath, "hey parley what time
 * is it") is handed to a recognition stream with the audio after it, and the utterance goes on as a
 * normal one. A wake word followed by silence waits {@link #QUESTION_WAIT} for the question, then
 * goes back to waiting. Runs on the microphone's thread (one producer). Public for the duplex
 * benchmark, which measures the wake word through this very gate.
 */
public final class WakeGate implements Consumer<float[]> {

    /** How long the question may take to start after a bare wake word. */
    static final Duration QUESTION_WAIT = Duration.ofSeconds(6);
    /** Speech kept before the detector confirms it started, so the phrase's first sound is not lost. */
    private static final int LEAD_IN_SAMPLES = SpeechRecognizer.SAMPLE_RATE * 300 / 1000;
    /** A segment longer than this without the phrase is not one that starts with it. */
    private static final int LONGEST_SEGMENT_SAMPLES = SpeechRecognizer.SAMPLE_RATE * 15;

    private final PhraseSpotter spotter;
    private final Supplier<RecognitionStream> streams;
    private final Consumer<String> partials;
    private final Duration endOfSpeechSilence;
    private final Runnable speechEnded;
    private final Runnable woke;
    private SpeechEndpointer segments;
    /** The current segment's audio (with its lead-in) while waiting; the lead-in alone between segments. */
    private final Deque<float[]> segment = new ArrayDeque<>();
    private int segmentSamples;
    private boolean inSpeech;
    private LiveTranscript question;
    private RecognitionStream stream;
    private long samplesSinceWake;
    private boolean questionStarted;

    /**
     * @param streams opens the recognition stream for the question (only once the phrase is heard)
     * @param woke runs once the phrase is heard
     */
    public WakeGate(PhraseSpotter spotter, Supplier<RecognitionStream> streams, Consumer<String> partials,
            Duration endOfSpeechSilence, Runnable speechEnded, Runnable woke) {
        this.spotter = spotter;
        this.streams = streams;
        this.partials = partial -> {
            questionStarted |= !partial.isEmpty();
            partials.accept(partial);
        };
        this.endOfSpeechSilence = endOfSpeechSilence;
        this.speechEnded = speechEnded;
        this.woke = woke;
        this.segments = new SpeechEndpointer(SpeechRecognizer.SAMPLE_RATE, endOfSpeechSilence);
    }

    @Override
    public void accept(float[] block) {
        if (question != null) {
            listenToQuestion(block);
            return;
        }
        SpeechEndpointer.Event event = segments.accept(block);
        keep(block);
        if (event == SpeechEndpointer.Event.SPEECH_STARTED) {
            inSpeech = true;
            segment.forEach(spotter::accept); // the lead-in: the phrase's first sound
            return;
        }
        if (!inSpeech) {
            trimToLeadIn();
            return;
        }
        OptionalDouble end = spotter.accept(block);
        if (end.isEmpty() && (event == SpeechEndpointer.Event.SPEECH_ENDED || segmentSamples > LONGEST_SEGMENT_SAMPLES)) {
            end = spotter.endSegment();
            inSpeech = false;
            if (end.isEmpty()) {
                trimToLeadIn();
                return;
            }
        }
        if (end.isPresent()) {
            wake(end.getAsDouble());
        }
    }

    /** The phrase ended {@code phraseEndSeconds} into the kept segment: the rest is the question's. */
    private void wake(double phraseEndSeconds) {
        long skip = Math.round(phraseEndSeconds * SpeechRecognizer.SAMPLE_RATE);
        stream = streams.get();
        question = new LiveTranscript(stream, partials,
                new SpeechEndpointer(SpeechRecognizer.SAMPLE_RATE, endOfSpeechSilence), speechEnded, false);
        woke.run();
        float[][] kept = segment.toArray(float[][]::new);
        segment.clear();
        segmentSamples = 0;
        for (float[] block : kept) {
            if (skip >= block.length) {
                skip -= block.length;
                continue;
            }
            float[] rest = Arrays.copyOfRange(block, (int) skip, block.length);
            skip = 0;
            listenToQuestion(rest);
        }
    }

    private void listenToQuestion(float[] block) {
        samplesSinceWake += block.length;
        question.accept(block);
        if (!questionStarted && samplesSinceWake > QUESTION_WAIT.toMillis() * SpeechRecognizer.SAMPLE_RATE / 1000) {
            // "Hey parley", then nothing: back to waiting, as if the phrase had not been said.
            stream.close();
            stream = null;
            question = null;
            samplesSinceWake = 0;
            questionStarted = false;
            inSpeech = false;
            spotter.endSegment();
            segments = new SpeechEndpointer(SpeechRecognizer.SAMPLE_RATE, endOfSpeechSilence);
        }
    }

    private void keep(float[] block) {
        segment.addLast(block);
        segmentSamples += block.length;
    }

    private void trimToLeadIn() {
        while (segment.size() > 1 && segmentSamples - segment.peekFirst().length >= LEAD_IN_SAMPLES) {
            segmentSamples -= segment.pollFirst().length;
        }
    }

    /** The question's transcript once woken; "" while still waiting (nothing to answer). */
    public String finish() {
        if (stream == null) {
            return "";
        }
        return stream.finish();
    }

    /** Drops what was taken; the spotter is the input's and stays open. */
    public void cancel() {
        if (stream != null) {
            stream.close();
        }
        spotter.endSegment();
    }
}
