package dev.parley.ui;

import dev.parley.conversation.ContextWindow;
import dev.parley.conversation.Conversation;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmException;
import dev.parley.pipeline.TextTurns;
import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceAssistant;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A stand-in {@link VoiceAssistant} until the real-time turn controller is merged: typed turns
 * through the existing {@link TextTurns} (streamed, recorded, stoppable); push-to-talk reports that
 * the voice loop is not there yet. Replaced by {@code Components.voiceAssistant()} in
 * {@link DesktopServices}.
 */
final class TypedTurnsAssistant implements VoiceAssistant {

    private static final Logger LOG = LogManager.getLogger(TypedTurnsAssistant.class);

    private final LanguageModel model;
    private final Function<LanguageModel, ContextWindow> windows;
    private final List<Consumer<VoiceEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile Conversation conversation;
    private volatile VoiceState state = VoiceState.IDLE;
    private volatile Thread worker;
    private volatile long turn;
    private final StringBuilder answer = new StringBuilder();

    TypedTurnsAssistant(LanguageModel model, Conversation conversation, Function<LanguageModel, ContextWindow> windows) {
        this.model = model;
        this.conversation = conversation;
        this.windows = windows;
    }

    @Override
    public AutoCloseable subscribe(Consumer<VoiceEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public VoiceState state() {
        return state;
    }

    @Override
    public void pressToTalk() {
        stop();
        move(VoiceState.ERROR, "Talking to Parley needs the voice loop, which this build does not have yet:"
                + " type your question below.");
    }

    @Override
    public void releaseToTalk() {
        // Nothing listens yet.
    }

    @Override
    public synchronized void ask(String text) {
        Thread previous = worker;
        stop();
        Conversation current = conversation;
        worker = Thread.ofVirtual().name("typed-turn").start(() -> {
            if (previous != null) {
                try {
                    previous.join(); // the stopped turn records its heard part first
                } catch (InterruptedException e) {
                    return;
                }
            }
            move(VoiceState.THINKING, "");
            try {
                new TextTurns(model, current, windows.apply(model), this::reply).ask(text);
                move(VoiceState.IDLE, "");
            } catch (LlmException e) {
                if (e.kind() == LlmException.Kind.CANCELLED) {
                    move(VoiceState.IDLE, "");
                } else {
                    move(VoiceState.ERROR, e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.error("A typed turn failed", e);
                move(VoiceState.ERROR, String.valueOf(e.getMessage()));
            }
        });
    }

    private void reply(TurnEvent event) {
        if (event instanceof TurnEvent.Started started) {
            turn = started.turn();
            synchronized (answer) {
                answer.setLength(0);
            }
        } else if (event instanceof TurnEvent.Text text) {
            synchronized (answer) {
                answer.append(text.delta());
            }
        }
        if (event instanceof TurnEvent.Failed failed && Thread.currentThread().isInterrupted()) {
            emit(new VoiceEvent.Interrupted(failed.turn(), failed.partialAnswer()));
            return;
        }
        emit(new VoiceEvent.Reply(event));
        if (event instanceof TurnEvent.Completed completed) {
            emit(new VoiceEvent.Waterfall(completed.turn(), completed.timings()));
        }
    }

    @Override
    public synchronized void stop() {
        Thread running = worker;
        if (running != null && running.isAlive()) {
            move(VoiceState.INTERRUPTED, "stopped");
            running.interrupt(); // returns at once; the turn ends on its own thread
        }
    }

    @Override
    public void setHandsFree(boolean on) {
        // Not without the voice loop.
    }

    @Override
    public Conversation conversation() {
        return conversation;
    }

    @Override
    public void useConversation(Conversation conversation) {
        stop();
        this.conversation = conversation;
    }

    private void move(VoiceState to, String detail) {
        VoiceState from = state;
        state = to;
        emit(new VoiceEvent.StateChanged(from, to, turn, detail));
    }

    private void emit(VoiceEvent event) {
        for (Consumer<VoiceEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.error("A voice event listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
