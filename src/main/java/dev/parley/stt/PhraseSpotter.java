package dev.parley.stt;

import java.util.OptionalDouble;

/**
 * Listens for one phrase (a wake word) in a stretch of speech, far more cheaply and more reliably
 * than transcribing everything: a recognizer whose grammar knows only the phrase, a few sound-alikes
 * and "anything else". Fed one speech segment at a time; not thread-safe (one producer).
 */
public interface PhraseSpotter extends AutoCloseable {

    /**
     * Decodes mono samples in [-1, 1] at {@link SpeechRecognizer#SAMPLE_RATE} of the current segment.
     * Returns where the phrase ended, in seconds from the start of the segment, once it is heard at
     * the segment's start; empty until then (and for speech that does not start with it).
     */
    OptionalDouble accept(float[] samples);

    /** The segment is over (a pause): as {@link #accept}, for what was still undecided; then starts afresh. */
    OptionalDouble endSegment();

    @Override
    void close();
}
