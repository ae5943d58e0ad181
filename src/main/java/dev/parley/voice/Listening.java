package dev.parley.voice;

import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The {@link TurnController}'s ears: takes the user's utterances from the {@link SpeechInput} for
 * its turns — on the talk key, hands-free (with the wake word when one is set), and hands-free while
 * an answer plays, to hear the user talk over it — and finishes them into transcripts. It decides
 * no state: what it hears goes back to the controller, which decides.
 */
final class Listening {

    private static final Logger LOG = LogManager.getLogger(Listening.class);

    /** Decides what is done with what is heard; called on the input's threads. */
    private final TurnController turns;
    private volatile SpeechInput input;
    private volatile SpeechOutput output;
    private volatile boolean handsFree;
    private boolean saidHalfDuplex;

    Listening(TurnController turns) {
        this.turns = turns;
    }

    void use(SpeechInput speechInput, SpeechOutput speechOutput) {
        input = speechInput;
        output = speechOutput;
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
        SpeechOutput speechOutput = output;
        if (!on && speechOutput != null) {
            speechOutput.talkOverEnded();
        }
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
        SpeechOutput speechOutput = output;
        if (handsFree && speechOutput != null && speechInput.hearsPastOwnVoice()) {
            speechOutput.readyForTalkOver();
        }
        turn.utterance = turn.waitsForWakeWord ? speechInput.beginHandsFree(partials, ended, () -> woke(turn))
                : speechInput.begin(partials, ended);
    }

    private void woke(ActiveTurn turn) {
        SpeechOutput speechOutput = output;
        if (speechOutput != null) {
            speechOutput.wakeCue();
        }
        turns.publish(turn, new VoiceEvent.WakeWordHeard(turn.id()));
    }

    /**
     * Hands-free, with Parley's own voice removed from the microphone: listens while {@code answering}'s
     * answer is worked out and played, so the user can talk over it ({@link SpeechInput#beginOverlapping});
     * what is said then belongs to the turn the barge-in starts ({@link ActiveTurn#hearer()}). Without
     * echo cancellation Parley would hear itself: it stays deaf while it speaks (half duplex).
     */
    void overhear(ActiveTurn answering) {
        SpeechInput speechInput = input;
        if (!handsFree || speechInput == null) {
            return;
        }
        if (!speechInput.hearsPastOwnVoice()) {
            if (!saidHalfDuplex) {
                saidHalfDuplex = true;
                LOG.info("Talk-over is off (audio.talk-over) or echo cancellation is off or unavailable: hands-free"
                        + " does not listen while Parley speaks, so only the talk key or stop interrupts an answer");
            }
            return;
        }
        boolean wakeWord = speechInput.hasWakeWord();
        try {
            answering.overhear(speechInput.beginOverlapping(
                    partial -> turns.publish(answering.hearer(),
                            new VoiceEvent.PartialTranscript(answering.hearer().id(), partial)),
                    () -> turns.speechEnded(answering),
                    () -> {
                        turns.bargedIn(answering);
                        if (wakeWord) {
                            woke(answering.hearer());
                        }
                    }));
        } catch (RuntimeException e) {
            LOG.warn("Cannot listen while Parley speaks: {}", e.getMessage());
        }
    }

    /** Hands-free listening stops when the microphone fails, or it would retry (and fail) in a loop. */
    void cannotListen() {
        handsFree(false); // also lets go of the output line readied for talk-over before the microphone failed
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
