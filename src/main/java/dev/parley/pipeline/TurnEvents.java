package dev.parley.pipeline;

import dev.parley.audio.AudioClip;

/** What a turn reports while it runs; every method is optional. Called from the turn's threads. */
public interface TurnEvents {

    default void transcript(String text) {}

    /** Answer text as it streams (reasoning removed). */
    default void replyText(String delta) {}

    default void reasoning(String delta) {}

    /** A speakable chunk, handed to the synthesizer. */
    default void chunk(String text) {}

    /** Synthesized audio for one chunk, in order. */
    default void audio(AudioClip clip) {}

    TurnEvents NONE = new TurnEvents() {};
}
