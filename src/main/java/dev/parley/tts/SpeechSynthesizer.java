package dev.parley.tts;

import dev.parley.audio.AudioClip;
import java.util.function.Consumer;

/** Turns one chunk of text into audio. The one hook the pipeline calls for speech. */
public interface SpeechSynthesizer extends AutoCloseable {

    AudioClip synthesize(String text);

    /**
     * Synthesizes {@code text} and hands each piece of its audio to {@code pieces} as soon as it
     * exists, so playback can start before the whole chunk is made; returns the whole clip. By default
     * the whole clip is the one piece.
     */
    default AudioClip synthesize(String text, Consumer<AudioClip> pieces) {
        AudioClip clip = synthesize(text);
        pieces.accept(clip);
        return clip;
    }

    /**
     * Speaks from the next chunk on at {@code rate} (relative to the voice's own pace) and
     * {@code volume} (a fraction of full). A voice that cannot change ignores it.
     */
    default void tune(double rate, double volume) {}

    /** The rate of every clip this synthesizer returns, so callers can join and play them. */
    int sampleRate();

    @Override
    default void close() {}
}
