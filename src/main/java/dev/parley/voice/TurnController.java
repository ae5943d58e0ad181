package dev.parley.voice;

import dev.parley.audio.AudioDeviceException;
import dev.parley.audio.Speaker;
import dev.parley.conversation.ContextWindow;
import dev.parley.conversation.Conversation;
import dev.parley.llm.LlmException;
import dev.parley.pipeline.ReplyPipeline;
import dev.parley.pipeline.SpokenReply;
import dev.parley.pipeline.TurnClock;
import dev.parley.pipeline.TurnTimings;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The real-time voice loop: one explicit state machine ({@link VoiceState}) that owns listening,
 * the model's answer and its playback, and reports every step as a {@link VoiceEvent}.
 *
 * <p>Threads: the caller's thread only silences playback (so a barge-in is heard at once) and hands
 * the rest to one control thread, which makes every state change in order. Each turn runs on its own
 * thread, interrupted to cancel it. A turn's late events are dropped once another turn replaced it,
 * so nothing of an interrupted answer can play or show in the next one.
 */
public final class TurnController implements VoiceAssistant {

    private static final Logger LOG = LogManager.getLogger(TurnController.class);
    /** How long a cancelled turn may take to let go (close the model's stream) before we move on. */
    private static final long CANCEL_WAIT_MILLIS = 3000;

    private final SpeechInput input;
    private final ReplyPipeline replies;
    private final Speaker speaker;
    private final ContextWindow window;
    private final VoiceEventBus events;
    private final ExecutorService control = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("parley-voice").daemon(true).factory());
    private volatile VoiceState state = VoiceState.IDLE;
    private volatile Turn current;
    private volatile Conversation conversation;
    private volatile boolean handsFree;

    /** A turn in progress; its fields are set on the control thread and the turn's thread. */
    private static final class Turn {
        final TurnClock clock = new TurnClock();
        volatile SpeechInput.Utterance utterance;
        volatile SpokenAnswer answer;
        volatile Thread thread;
        volatile boolean asked;
        volatile boolean cancelled;

        long id() {
            return clock.turn();
        }
    }

    /**
     * @param events where this controller reports; others (the microphone's level) may report there too
     * @param input where utterances come from, or null when there is no microphone (typed turns only)
     * @param replies the model's answers as speech; the model behind it may be switched at any time
     * @param speaker the output device the answers play on
     * @param window keeps the conversation within the model's context, or null
     */
    public TurnController(VoiceEventBus events, SpeechInput input, ReplyPipeline replies, Speaker speaker,
            ContextWindow window, Conversation conversation) {
        this.events = events;
        this.input = input;
        this.replies = replies;
        this.speaker = speaker;
        this.window = window;
        this.conversation = conversation;
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
            if (state == VoiceState.LISTENING) {
                return;
            }
            cancelCurrent();
            listen();
        });
    }

    @Override
    public void releaseToTalk() {
        control.execute(() -> {
            Turn turn = current;
            if (state != VoiceState.LISTENING || turn == null) {
                return;
            }
            turn.clock.markEndOfSpeech();
            moveTo(turn, VoiceState.TRANSCRIBING, "");
            start(turn, () -> transcribe(turn));
        });
    }

    @Override
    public void ask(String text) {
        silenceNow();
        control.execute(() -> {
            cancelCurrent();
            Turn turn = new Turn();
            current = turn;
            start(turn, () -> text.strip());
        });
    }

    @Override
    public void stop() {
        silenceNow();
        control.execute(() -> {
            cancelCurrent();
            if (state != VoiceState.IDLE) {
                setState(current, VoiceState.IDLE, "");
            }
        });
    }

    /**
     * Hands-free: listens whenever no turn runs, and a pause after speech ends the utterance. It does
     * not listen while an answer plays: without echo cancellation the microphone would hear Parley's
     * own voice as a barge-in. Push-to-talk and stop still work.
     */
    @Override
    public void setHandsFree(boolean on) {
        handsFree = on;
        control.execute(() -> {
            if (on && isAtRest()) {
                listen();
            } else if (!on && state == VoiceState.LISTENING) {
                cancelCurrent();
                setState(current, VoiceState.IDLE, "");
            }
        });
    }

    private boolean isAtRest() {
        return state == VoiceState.IDLE || state == VoiceState.ERROR || state == VoiceState.INTERRUPTED;
    }

    @Override
    public void useConversation(Conversation next) {
        silenceNow();
        control.execute(() -> {
            cancelCurrent();
            conversation = next;
            if (state != VoiceState.IDLE) {
                moveTo(current, VoiceState.IDLE, "");
            }
        });
    }

    /** Silences the answer on the caller's thread: the rest of a barge-in may wait, the audio may not. */
    private void silenceNow() {
        Turn turn = current;
        SpokenAnswer answer = turn == null ? null : turn.answer;
        if (answer != null) {
            answer.silence();
        }
    }

    private void listen() {
        Turn turn = new Turn();
        current = turn;
        if (input == null) {
            cannotListen(turn, "No microphone is set up, so Parley cannot listen. Type instead, or choose an input"
                    + " device in the settings (audio.input-device) and check it with `parley listen`.");
            return;
        }
        moveTo(turn, VoiceState.LISTENING, "");
        try {
            turn.utterance = input.begin(partial -> {
                if (current == turn) {
                    emit(new VoiceEvent.PartialTranscript(turn.id(), partial));
                }
            }, () -> {
                if (handsFree && current == turn) {
                    releaseToTalk();
                }
            });
        } catch (RuntimeException e) {
            cannotListen(turn, e.getMessage());
        }
    }

    /** Hands-free listening stops too, or it would retry (and fail) in a loop; push-to-talk retries. */
    private void cannotListen(Turn turn, String why) {
        handsFree = false;
        moveTo(turn, VoiceState.ERROR, why);
    }

    private String transcribe(Turn turn) {
        String transcript = turn.utterance.finish();
        turn.clock.markSttDone();
        emit(new VoiceEvent.FinalTranscript(turn.id(), transcript));
        return transcript;
    }

    /** Runs the turn on its own thread: the words, then the spoken answer. */
    private void start(Turn turn, Supplier<String> words) {
        turn.thread = Thread.ofPlatform().name("parley-turn-" + turn.id()).daemon(true).start(() -> {
            try {
                String text = words.get();
                if (text.isBlank()) {
                    moveTo(turn, VoiceState.IDLE, "Nothing was recognized; hold the talk key while you speak.");
                    return;
                }
                answer(turn, text);
            } catch (LlmException e) {
                if (e.kind() != LlmException.Kind.CANCELLED && !turn.cancelled) {
                    moveTo(turn, VoiceState.ERROR, e.getMessage());
                }
            } catch (RuntimeException e) {
                if (!turn.cancelled) {
                    LOG.error("Turn {} failed", turn.id(), e);
                    moveTo(turn, VoiceState.ERROR, String.valueOf(e.getMessage()));
                }
            }
        });
    }

    private void answer(Turn turn, String text) {
        if (turn.cancelled) {
            return;
        }
        moveTo(turn, VoiceState.THINKING, "");
        Conversation talk = conversation;
        talk.addUser(text);
        turn.asked = true;
        if (window != null) {
            window.fit(talk);
        }
        SpokenAnswer answer = new SpokenAnswer(replies, speaker, replies.sampleRate());
        turn.answer = answer;
        SpokenReply reply;
        try {
            reply = answer.speak(talk, turn.clock, text, event -> {
                if (current == turn && !turn.cancelled) {
                    emit(event);
                }
            }, () -> moveTo(turn, VoiceState.SPEAKING, ""));
        } catch (AudioDeviceException e) {
            talk.endInterruptedTurn(answer.silence());
            moveTo(turn, VoiceState.ERROR, e.getMessage());
            return;
        }
        TurnTimings timings = turn.clock.finish();
        LOG.info("Turn {} ms from end of speech: stt {} | llm first token {} | first chunk {} | first synthesized {}"
                        + " | first audio {} | end {}", turn.id(), timings.sttMs(), timings.llmFirstTokenMs(),
                timings.firstChunkMs(), timings.firstAudioMs(), timings.firstSoundMs(), timings.totalMs());
        emit(new VoiceEvent.Waterfall(turn.id(), timings));
        moveTo(turn, reply.cutOff() == null ? VoiceState.IDLE : VoiceState.ERROR,
                reply.cutOff() == null ? "" : reply.cutOff());
    }

    /**
     * Ends the current turn, if one runs: the voice was already silenced; its thread is cancelled,
     * and the conversation keeps only what the user heard. Runs on the control thread.
     */
    private void cancelCurrent() {
        Turn turn = current;
        if (turn == null || turn.cancelled) {
            return;
        }
        boolean running = state == VoiceState.LISTENING || state == VoiceState.TRANSCRIBING
                || state == VoiceState.THINKING || state == VoiceState.SPEAKING;
        if (!running) {
            return;
        }
        SpokenAnswer answer = turn.answer;
        String heard = answer == null ? "" : answer.silence();
        turn.cancelled = true;
        if (turn.utterance != null) {
            turn.utterance.cancel();
        }
        Thread thread = turn.thread;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(CANCEL_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("Turn {} did not end within {} ms of its cancel", turn.id(), CANCEL_WAIT_MILLIS);
            }
        }
        if (turn.asked) {
            conversation.endInterruptedTurn(heard);
        }
        setState(turn, VoiceState.INTERRUPTED, heard.isEmpty() ? "Stopped." : "Stopped after: " + heard);
        emit(new VoiceEvent.Interrupted(turn.id(), heard));
    }

    private void moveTo(Turn turn, VoiceState next, String detail) {
        if (turn == null || turn.cancelled) {
            return; // a replaced turn no longer decides the state
        }
        setState(turn, next, detail);
    }

    private synchronized void setState(Turn turn, VoiceState next, String detail) {
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
        emit(new VoiceEvent.StateChanged(from, next, turn.id(), detail));
        if (handsFree && (next == VoiceState.IDLE || next == VoiceState.ERROR) && !control.isShutdown()) {
            control.execute(() -> {
                if (handsFree && isAtRest() && !control.isShutdown()) {
                    listen();
                }
            });
        }
    }

    private void emit(VoiceEvent event) {
        events.accept(event);
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
        if (input instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Closing the speech input failed", e);
            }
        }
    }
}
