package dev.parley.voice;

import dev.parley.image.TurnImage;
import java.util.List;
import dev.parley.conversation.Conversation;
import dev.parley.pipeline.Speech;
import dev.parley.pipeline.TurnResult;
import dev.parley.pipeline.TurnRunner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import dev.parley.pipeline.TurnEvent;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The assistant's one state machine ({@link VoiceState}): it owns listening (done by {@link Listening}),
 * the turn (run by the {@link TurnRunner}) and the answer's playback, decides every state, and
 * publishes everything on one {@link VoiceEventBus}. Typed questions work from the start; listening
 * and speaking once {@link #useVoice} gave it a speech input and output (loaded in the background).
 *
 * <p>Threads: the caller's thread only silences playback (so a barge-in is heard at once) and hands
 * the rest to one control thread, which makes every state change in order. Each turn runs on its own
 * thread, interrupted to cancel it. A turn's late events are dropped once another turn replaced it,
 * so nothing of an interrupted answer can play or show in the next one. Hands-free with echo
 * cancellation, the user's voice over an answer interrupts it like the talk key and becomes the
 * next turn ({@link #takeOver}).
 */
public final class TurnController implements VoiceAssistant {

    private static final Logger LOG = LogManager.getLogger(TurnController.class);
    /** How long a cancelled turn may take to let go (close the model's stream) before we move on. */
    private static final long CANCEL_WAIT_MILLIS = 3000;

    private final VoiceEventBus events;
    private final TurnRunner runner;
    private final ThreadFactory turnThreads;
    private final ExecutorService control;
    private final Listening listening = new Listening(this);
    private volatile SpeechOutput output;
    private volatile VoiceState state = VoiceState.IDLE;
    private volatile ActiveTurn current;
    private volatile Conversation conversation;

    /**
     * @param events where this controller publishes; the speech input reports there too (level, device)
     * @param runner runs each turn; its model may be switched at any time
     * @param threads makes the control thread and each turn's thread
     */
    public TurnController(VoiceEventBus events, TurnRunner runner, Conversation conversation, ThreadFactory threads) {
        this.events = events;
        this.runner = runner;
        this.conversation = conversation;
        this.turnThreads = threads;
        this.control = Executors.newSingleThreadExecutor(threads);
    }

    /**
     * From now on the controller listens through {@code speechInput} and speaks through
     * {@code speechOutput} (either may be null: no microphone, or silent answers).
     */
    public void useVoice(SpeechInput speechInput, SpeechOutput speechOutput) {
        // Set at once, so speaks() is true when this returns; a turn reads them when it starts.
        listening.use(speechInput, speechOutput);
        output = speechOutput;
        relistenAtRest();
    }

    /** The stream this controller publishes on; the speech input reports the microphone's level there. */
    public VoiceEventBus events() {
        return events;
    }

    @Override
    public AutoCloseable subscribe(Consumer<VoiceEvent> listener) {
        return events.subscribe(listener);
    }

    @Override
    public VoiceState state() {
        return state;
    }

    @Override
    public Conversation conversation() {
        return conversation;
    }

    @Override
    public void pressToTalk() {
        silenceNow();
        control.execute(() -> {
            ActiveTurn listening = current;
            if (state != VoiceState.LISTENING) {
                cancelCurrent();
                listen(true);
            } else if (listening != null && listening.waitsForWakeWord) {
                listening.cancel(CANCEL_WAIT_MILLIS); // quietly: the key needs no wake word
                listen(true);
            }
        });
    }

    @Override
    public void releaseToTalk() {
        control.execute(() -> {
            ActiveTurn turn = current;
            if (state != VoiceState.LISTENING || turn == null) {
                return;
            }
            turn.clock.markEndOfSpeech();
            moveTo(turn, VoiceState.TRANSCRIBING, "");
            start(turn, () -> answer(turn, listening.transcribe(turn),
                    "Nothing was recognized: hold the talk key while you speak, or check the input device."));
        });
    }

    @Override
    public void ask(String text, boolean spoken, List<TurnImage> images) {
        silenceNow();
        control.execute(() -> {
            ActiveTurn turn = startTyped();
            turn.typed(spoken, images);
            start(turn, () -> answer(turn, text.strip(), "Type a question first."));
        });
    }

    @Override
    public void say(String text) {
        silenceNow();
        control.execute(() -> {
            if (output == null) {
                return;
            }
            ActiveTurn turn = startTyped();
            start(turn, () -> announce(turn, text.strip()));
        });
    }

    @Override
    public boolean speaks() {
        return output != null;
    }

    /** On the control thread: a new turn that needs no listening, thinking at once. */
    private ActiveTurn startTyped() {
        cancelCurrent();
        ActiveTurn turn = new ActiveTurn();
        current = turn;
        // Thinking from here, not from when the turn's thread gets going: a stop or another
        // question queued right behind must find this turn running and cancel it.
        moveTo(turn, VoiceState.THINKING, "");
        return turn;
    }

    @Override
    public void stop() {
        stopThen(() -> { });
    }

    @Override
    public void setHandsFree(boolean on) {
        listening.handsFree(on);
        control.execute(() -> {
            if (on && state.atRest() && listening.canListen()) {
                listen(false);
            } else if (!on && state == VoiceState.LISTENING) {
                cancelCurrent();
                setState(current, VoiceState.IDLE, "");
            }
        });
    }

    @Override
    public void useConversation(Conversation next) {
        stopThen(() -> conversation = next);
    }

    /** Ends the turn, if one runs, does {@code then} and comes to rest. */
    private void stopThen(Runnable then) {
        silenceNow();
        control.execute(() -> {
            cancelCurrent();
            then.run();
            if (state != VoiceState.IDLE) {
                setState(current, VoiceState.IDLE, "");
            }
        });
    }

    /** Silences the answer on the caller's thread: the rest of a barge-in may wait, the audio may not. */
    private void silenceNow() {
        ActiveTurn turn = current;
        if (turn != null) {
            turn.silence();
        }
    }

    /** The user paused after speaking in {@code turn}'s utterance; checked behind a barge-in's hand-over. */
    void speechEnded(ActiveTurn turn) {
        execute(() -> {
            if (listening.handsFree() && current == turn.hearer()) {
                releaseToTalk();
            }
        });
    }

    /** From {@link Listening}: the user talks over {@code answering}'s answer. */
    void bargedIn(ActiveTurn answering) {
        if (current == answering && answering.claimBargeIn()) {
            answering.silence(); // at once, on the microphone's thread; the rest in order
            execute(() -> takeOver(answering));
        }
    }

    /** Listens for the next utterance; {@code pressed}: the talk key, which never waits for the wake word. */
    private void listen(boolean pressed) {
        ActiveTurn turn = new ActiveTurn();
        current = turn;
        if (!listening.canListen()) {
            // Not a failure of hands-free: it starts listening as soon as the voice is there.
            moveTo(turn, VoiceState.ERROR, TurnEndWords.NOT_LISTENING_YET);
            return;
        }
        moveTo(turn, VoiceState.LISTENING, "");
        try {
            listening.begin(turn, pressed);
        } catch (RuntimeException e) {
            listening.cannotListen(); // push-to-talk retries at the next press
            moveTo(turn, VoiceState.ERROR, e.getMessage());
        }
    }

    /** Runs the turn's {@code work} on its own thread; what fails there ends the turn in ERROR. */
    private void start(ActiveTurn turn, Runnable work) {
        turn.start(turnThreads, work, why -> moveTo(turn, VoiceState.ERROR, why));
    }

    /** Answers {@code text}; a blank one ends the turn at once, saying {@code whenBlank}. */
    private void answer(ActiveTurn turn, String text, String whenBlank) {
        if (turn.cancelled) {
            return;
        }
        if (text.isBlank()) {
            moveTo(turn, VoiceState.IDLE, whenBlank);
            return;
        }
        moveTo(turn, VoiceState.THINKING, "");
        Speech speech = turn.spoken ? openSpeech(turn) : null;
        if (speech != null) {
            listening.overhear(turn);
        }
        TurnResult result;
        try {
            result = runner.run(conversation, text, turn.images, turn.clock, event -> {
                if (event instanceof TurnEvent.Completed completed) {
                    turn.completed = completed;
                }
                publish(turn, new VoiceEvent.Reply(event));
            }, speech);
        } finally {
            turn.stopOverhearing(); // before the state moves: listening again needs the recognizer
            if (current == turn) { // the one waterfall of an answered turn; else the user has moved on
                events.accept(turn.waterfall());
            }
        }
        if (turn.bargedIn()) {
            return; // the barge-in ends this turn and starts the next (takeOver)
        }
        moveTo(turn, result.complete() ? VoiceState.IDLE : VoiceState.ERROR,
                result.complete() ? turn.unspoken : result.cutOff());
    }

    /** Speaks {@code text} as it is: an announcement, not a turn of the conversation. */
    private void announce(ActiveTurn turn, String text) {
        Speech speech = openSpeech(turn);
        if (turn.cancelled || speech == null || text.isBlank()) {
            moveTo(turn, VoiceState.IDLE, turn.unspoken);
            return;
        }
        runner.speak(text, turn.clock, event -> publish(turn, new VoiceEvent.Reply(event)), speech);
        moveTo(turn, VoiceState.IDLE, "");
    }

    /** The turn's way to the speaker, or null when Parley has no voice (yet). */
    private Speech openSpeech(ActiveTurn turn) {
        return turn.trySpeech(output, () -> moveTo(turn, VoiceState.SPEAKING, ""), event -> publish(turn, event));
    }

    /** Publishes an event of {@code turn} unless another turn replaced it or it was cancelled. */
    void publish(ActiveTurn turn, VoiceEvent event) {
        if (current == turn && !turn.cancelled) {
            events.accept(event);
        }
    }

    /**
     * The user talked over {@code answering}'s answer (silenced): cancelled as by the talk key (what was
     * heard is kept), and the overheard utterance goes on as the next turn until the user's pause.
     */
    private void takeOver(ActiveTurn answering) {
        ActiveTurn next = new ActiveTurn();
        SpeechInput.Utterance overheard = answering.handOverheard(next);
        if (overheard == null) {
            return; // stopped or replaced meanwhile: its cancel dropped the utterance
        }
        if (current != answering || answering.cancelled) {
            overheard.cancel();
            return;
        }
        cancelCurrent();
        current = next;
        next.utterance = overheard;
        moveTo(next, VoiceState.LISTENING, "");
    }

    private void execute(Runnable task) {
        if (!control.isShutdown()) { // closed: nothing more happens
            control.execute(task);
        }
    }

    /**
     * Ends the current turn, if one runs: the voice was already silenced; its thread is cancelled
     * and records what the user heard (see {@link TurnRunner}). Runs on the control thread.
     */
    private void cancelCurrent() {
        ActiveTurn turn = current;
        if (turn == null || turn.cancelled) {
            return;
        }
        if (!turn.runs(state)) {
            return;
        }
        VoiceState was = state; // at rest: the answer had ended, only its thread was letting go
        String heard = turn.cancel(CANCEL_WAIT_MILLIS);
        if (!was.atRest()) {
            setState(turn, VoiceState.INTERRUPTED, heard.isEmpty() ? "Stopped." : "Stopped after: " + heard);
        }
        if (!was.atRest() && was != VoiceState.LISTENING) { // only listening: no answer was cut off
            events.accept(new VoiceEvent.Interrupted(turn.id(), heard));
        }
    }

    private void moveTo(ActiveTurn turn, VoiceState next, String detail) {
        if (turn == null || turn.cancelled) {
            return; // a replaced turn no longer decides the state
        }
        setState(turn, next, detail);
    }

    private synchronized void setState(ActiveTurn turn, VoiceState next, String detail) {
        if (turn != current) {
            return;
        }
        VoiceState from = state;
        if (from == next) {
            return;
        }
        if (!from.canMoveTo(next)) {
            LOG.error("Refused the state change {} -> {} in turn {}", from, next, turn.id());
            return;
        }
        state = next;
        LOG.debug("Turn {}: {} -> {} {}", turn.id(), from, next, detail);
        events.accept(new VoiceEvent.StateChanged(from, next, turn.id(), detail));
        if (listening.relistens() && (next == VoiceState.IDLE || next == VoiceState.ERROR)) {
            relistenAtRest();
        }
    }

    /** Hands-free: listens again once no turn runs. */
    private void relistenAtRest() {
        execute(() -> {
            if (listening.relistens() && state.atRest() && !control.isShutdown()) {
                listen(false);
            }
        });
    }

    /** Stops any answer and lets go of the microphone. */
    @Override
    public void close() {
        silenceNow();
        control.execute(this::cancelCurrent);
        control.shutdown();
        try {
            control.awaitTermination(CANCEL_WAIT_MILLIS + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listening.close();
        runner.close();
    }
}
