package dev.parley.stt;

/**
 * One utterance being recognized while it is spoken: audio goes in block by block as it is captured,
 * the words so far can be read at any time, and {@link #finish} returns the transcript. Holding a
 * stream holds the recognizer: close or finish it promptly. Its methods may be called from different
 * threads, one at a time or concurrently (they are serialized).
 */
public interface RecognitionStream extends AutoCloseable {

    /**
     * Decodes mono samples in [-1, 1] at {@link SpeechRecognizer#SAMPLE_RATE} on the calling thread, so
     * that decoding keeps pace with speech and {@link #finish} has little left to do.
     *
     * @throws IllegalStateException after {@link #finish} or {@link #close}
     */
    void accept(float[] samples);

    /** The words recognized so far, in lower case; may change as more audio arrives; "" before any. */
    String partial();

    /** Decodes what is left and returns the whole transcript ("" for silence); ends the stream. */
    String finish();

    /** Ends the stream without a transcript (an abandoned utterance); does nothing after {@link #finish}. */
    @Override
    void close();
}
