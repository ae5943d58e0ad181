package dev.parley.stt;

import dev.parley.audio.AudioClip;
import dev.parley.audio.StreamingResampler;
import dev.parley.audio.WavStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Turns speech into text. The one hook the pipeline calls for recognition: whole clips through
 * {@link #transcribe}, live audio through {@link #stream}.
 */
public interface SpeechRecognizer extends AutoCloseable {

    /** The rate a {@link RecognitionStream} takes: what the models are trained on. */
    int SAMPLE_RATE = 16_000;

    /**
     * Starts recognizing one utterance. Streams are served one at a time: while one is open, this waits
     * until it is finished or closed (recognition of a single voice is sequential anyway, and a
     * recognizer reused warm is several times faster than a fresh one).
     */
    RecognitionStream stream();

    /**
     * Starts recognizing one utterance if no stream is open; empty at once if one is. For work that
     * must not queue behind the user's own speech (a listening microphone holds its stream until the
     * utterance ends). This default, for recognizers that never make a stream wait, is {@link #stream}.
     */
    default Optional<RecognitionStream> tryStream() {
        return Optional.of(stream());
    }

    /**
     * A spotter of {@code phrase} (a wake word) on the same model, to run beside the streams.
     *
     * @throws SpeechModelException if this recognizer cannot spot phrases
     */
    default PhraseSpotter spotter(String phrase) {
        throw new SpeechModelException("This speech recognizer cannot listen for a wake word.");
    }

    /** Transcribes a whole utterance of any sample rate; returns lower-case words, or "" for silence. */
    default String transcribe(AudioClip utterance) {
        return recognize(stream(), utterance);
    }

    /** {@link #transcribe(AudioClip)}, unless a stream is open: then empty at once (see {@link #tryStream}). */
    default Optional<String> transcribeIfIdle(AudioClip utterance) {
        return tryStream().map(stream -> recognize(stream, utterance));
    }

    private static String recognize(RecognitionStream opened, AudioClip utterance) {
        try (RecognitionStream stream = opened) {
            stream.accept(utterance.resampledTo(SAMPLE_RATE).samples());
            return stream.finish();
        }
    }

    /**
     * Transcribes the rest of {@code wav} block by block, so a recording of any length takes the memory of
     * one block. Whether the file held all the audio its header announced is then {@code wav.shortfall()}.
     */
    default String transcribe(WavStream wav) throws IOException {
        StreamingResampler toModelRate = new StreamingResampler(wav.sampleRate(), SAMPLE_RATE);
        int blockFrames = wav.sampleRate(); // one second: large enough that per-call overhead does not matter
        try (RecognitionStream stream = stream()) {
            for (float[] block = wav.read(blockFrames); block.length > 0; block = wav.read(blockFrames)) {
                stream.accept(toModelRate.push(block));
            }
            return stream.finish();
        }
    }

    @Override
    void close();
}
