package dev.parley.voice;

import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The {@link TurnController}'s ears: takes the user's utterances from the {@link SpeechInput} for
 * its turns — on the talk key, hands-free (with the wake word when one is set) — and finishes them
 * into transcripts. It decides no state: what it hears goes back to the controller through
 * {@link Turns}, which decides.
 */
final class Listening {

    /** What the controller does with what is heard; called on the input's threads. */
    interface Turns {

        /** Publishes an event of {@code turn} unless another turn replaced it. */
        void publish(ActiveTurn turn, VoiceEvent event);

        /** The user paused after speaking in {@code turn}'s utterance (hands-free ends it there). */
        void speechEnded(ActiveTurn turn);
    }

    private static final Logger LOG = LogManager.getLogger(Listening.class);

    private final Turns turns;
    private volatile SpeechInput input;
    private volatile boolean handsFree;

    Listening(Turns turns) {
        this.turns = turns;
    }

    void use(SpeechInput speechInput) {
        input = speechInput;
    }

    /** Whether there is a microphone to listen with. */
    boolean canListen() {
        return input != null;
    }

    /**
     * Hands-free: listening whenever no turn runs, and a pause after speech ends the utterance.
     * Push-to-talk and stop still work.
     */
    void handsFree(boolean on) {
        handsFree = on;
    }

    boolean handsFree() {
        return handsFree;
    }

    /** Whether a turn that just came to rest should be followed by listening again. */
    boolean relistens() {
        return handsFree && input != null;
    }

    /**
     * Starts {@code turn}'s utterance; {@code pressed}: the talk key, which never waits for the wake word.
     *
     * @throws RuntimeException when the microphone cannot be opened (its message says why)
     */
    void begin(ActiveTurn turn, boolean pressed) {
        SpeechInput speechInput = input;
        Consumer<String> partials = partial -> turns.publish(turn, new VoiceEvent.PartialTranscript(turn.id(), partial));
        Runnable ended = () -> turns.speechEnded(turn);
        turn.waitsForWakeWord = !pressed && handsFree;
        turn.utterance = turn.waitsForWakeWord
                ? speechInput.beginHandsFree(partials, ended,
                        () -> turns.publish(turn, new VoiceEvent.WakeWordHeard(turn.id())))
                : speechInput.begin(partials, ended);
    }

    /** Hands-free listening stops when the microphone fails, or it would retry (and fail) in a loop. */
    void cannotListen() {
        handsFree = false;
    }

    /** Lets go of the microphone. */
    void close() {
        if (input instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Closing the speech input failed", e);
            }
        }
    }

    /** The user is done talking in {@code turn}: its final transcript ("" if nothing was recognized). */
    String transcribe(ActiveTurn turn) {
        String transcript = turn.utterance.finish();
        turn.clock.markSttDone();
        turns.publish(turn, new VoiceEvent.FinalTranscript(turn.id(), transcript));
        return transcript;
    }
}
