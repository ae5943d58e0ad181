package dev.parley.voice;

import java.util.function.Consumer;

/**
 * Where the user's words come from: the microphone through streaming recognition in the app, a
 * recorded utterance in the benchmark and in tests.
 */
public interface SpeechInput {

    /**
     * Starts taking an utterance (with the pre-roll, for a microphone). {@code partials} receives the
     * words recognized so far whenever they change, and {@code speechEnded} runs once when the user
     * has spoken and then paused ({@code audio.end-of-speech-silence-ms}); both on the input's own thread.
     * Push-to-talk ignores the pause; hands-free listening ends the utterance there.
     */
    Utterance begin(Consumer<String> partials, Runnable speechEnded);

    /**
     * Hands-free listening: with a wake word, the utterance starts only once the phrase is heard
     * ({@code woke} runs then; nothing before it is shown or kept), and what followed the phrase is
     * the utterance. Without one, the same as {@link #begin}.
     */
    default Utterance beginHandsFree(Consumer<String> partials, Runnable speechEnded, Runnable woke) {
        return begin(partials, speechEnded);
    }

    /**
     * Hands-free while an answer plays (only asked of an input that {@link #hearsPastOwnVoice()}):
     * nothing is taken until the user talks over Parley — enough voice, or a recognized word, per
     * {@link BargeInWatcher}; with a wake word, the phrase — then {@code bargedIn} runs once and the
     * utterance goes on as a hands-free one from the start of that speech: {@code partials},
     * {@code speechEnded} at the next pause. {@link Utterance#finish()} before a barge-in gives "".
     */
    default Utterance beginOverlapping(Consumer<String> partials, Runnable speechEnded, Runnable bargedIn) {
        throw new UnsupportedOperationException("this input cannot listen while Parley speaks");
    }

    /** Whether hands-free listening waits for a wake word (then only the phrase interrupts an answer). */
    default boolean hasWakeWord() {
        return false;
    }

    /**
     * Whether what this input hears has Parley's own voice removed (echo cancellation is on and
     * working), so it may keep listening while an answer plays. False by default: half duplex.
     */
    default boolean hearsPastOwnVoice() {
        return false;
    }

    /** One utterance being taken. */
    interface Utterance {

        /** The user is done talking: returns the final transcript ("" if nothing was recognized). */
        String finish();

        /** Drops the utterance (the turn was abandoned). */
        void cancel();
    }
}
