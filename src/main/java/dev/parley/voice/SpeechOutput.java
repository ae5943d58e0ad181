package dev.parley.voice;

import dev.parley.audio.AudioDeviceException;
import dev.parley.pipeline.SpeechSink;
import dev.parley.pipeline.TurnClock;
import dev.parley.tts.SpeechSynthesizer;
import java.util.function.Consumer;

/**
 * Where the voice loop's answers are heard: the voice that speaks them and a fresh sink for each
 * answer. The app plays on a {@link dev.parley.audio.Speaker} ({@link SpeakerOutput}); tests use
 * one that needs no sound device.
 */
public interface SpeechOutput {

    SpeechSynthesizer voice();

    /** Plays the short sound that says the wake word was heard (if it is on), without waiting for it. */
    default void wakeCue() {
    }

    /**
     * Parley is about to listen while it speaks (hands-free talk-over): the output gets ready now,
     * so its timing has settled before the first answer plays ({@link dev.parley.audio.KeptOutputLine}).
     * Without waiting; a failure is the first answer's to report.
     */
    default void readyForTalkOver() {
    }

    /** Hands-free listening ended: what {@link #readyForTalkOver} kept ready can go. */
    default void talkOverEnded() {
    }

    /**
     * A sink for one answer. {@code speaking} runs once its first sample is heard; {@code heard}
     * receives the words heard so far, chunk by chunk; both on the output's own thread.
     *
     * @throws AudioDeviceException if the output device cannot be opened
     */
    SpeechSink open(TurnClock clock, Runnable speaking, Consumer<String> heard) throws AudioDeviceException;
}
