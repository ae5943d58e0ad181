package dev.parley.tts;

import dev.parley.audio.AudioClip;

/** Turns one chunk of text into audio. The one hook the pipeline calls for speech. */
public interface SpeechSynthesizer extends AutoCloseable {

    AudioClip synthesize(String text);

    /** The rate of every clip this synthesizer returns, so callers can join and play them. */
    int sampleRate();

    @Override
    default void close() {}
}
