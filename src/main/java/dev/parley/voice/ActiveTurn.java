package dev.parley.voice;

import dev.parley.audio.AudioDeviceException;
import dev.parley.image.TurnImage;
import dev.parley.llm.LlmException;
import dev.parley.pipeline.TurnEvent;
import dev.parley.pipeline.Speech;
import dev.parley.pipeline.SpeechSink;
import dev.parley.pipeline.TurnClock;
import dev.parley.pipeline.TurnRunner;
import dev.parley.pipeline.TurnTimings;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One turn of the {@link TurnController}, from the press of the talk key (or a typed question) to
 * the end of its answer: its clock, the utterance being taken, the sink its answer plays to, and
 * the thread that runs it. Fields are set on the control thread and the turn's own thread.
 */
final class ActiveTurn {

    private static final Logger LOG = LogManager.getLogger(ActiveTurn.class);

    final TurnClock clock = new TurnClock();
    volatile SpeechInput.Utterance utterance;
    volatile SpeechSink sink;
    volatile Thread thread;
    /** What a cancelled text-only turn had shown (a spoken one asks its sink). */
    volatile String shown = "";
    volatile boolean cancelled;
    /** Hands-free listening, which waits for the wake word when one is set (the talk key does not). */
    volatile boolean waitsForWakeWord;
    /** Whether the answer is spoken when Parley has a voice (an API ask may want text only). */
    volatile boolean spoken = true;
    /** Why an answer meant to be spoken is only shown (no speaker could be opened); "" otherwise. */
    volatile String unspoken = "";
    /** The images a typed question shows the model. */
    volatile List<TurnImage> images = List.of();
    /** The completed answer, for the waterfall event that closes the turn; null until then. */
    volatile TurnEvent.Completed completed;
    /** Listening while the answer plays (hands-free, echo-cancelled); null when not, or handed on. */
    private SpeechInput.Utterance overheard;
    /** The user talked over the answer: the overheard utterance goes to the turn that follows. */
    private boolean bargedIn;
    /** The turn a barge-in handed the overheard utterance to; what it hears is published for that turn. */
    volatile ActiveTurn successor;

    /** A typed question: whether its answer is spoken, and the images it shows. */
    void typed(boolean spokenAnswer, List<TurnImage> shown) {
        spoken = spokenAnswer;
        images = List.copyOf(shown);
    }

    long id() {
        return clock.turn();
    }

    /** Whether the turn still runs, {@code state} being the controller's. */
    boolean runs(VoiceState state) {
        Thread running = thread;
        return state == VoiceState.LISTENING || state == VoiceState.TRANSCRIBING || state == VoiceState.THINKING
                || state == VoiceState.SPEAKING || running != null && running.isAlive();
    }

    synchronized void overhear(SpeechInput.Utterance utterance) {
        overheard = utterance;
    }

    /** Claims the overheard utterance for a barge-in; false when there is none (any more) or it was claimed. */
    synchronized boolean claimBargeIn() {
        if (overheard == null || bargedIn) {
            return false;
        }
        bargedIn = true;
        return true;
    }

    synchronized boolean bargedIn() {
        return bargedIn;
    }

    /** Hands the overheard utterance to {@code next} (after {@link #claimBargeIn()}); null if it was dropped. */
    synchronized SpeechInput.Utterance handOverheard(ActiveTurn next) {
        SpeechInput.Utterance handed = overheard;
        overheard = null;
        successor = next;
        return handed;
    }

    /** The turn what is overheard now belongs to: this one, or the one a barge-in started. */
    ActiveTurn hearer() {
        ActiveTurn next = successor;
        return next == null ? this : next;
    }

    /** Stops listening over the answer, unless a barge-in claimed what was heard. */
    synchronized void stopOverhearing() {
        if (overheard != null && !bargedIn) {
            overheard.cancel();
            overheard = null;
        }
    }

    /**
     * Runs {@code work} on the turn's own thread. A failure that is not the turn's cancel goes to
     * {@code failed} as a message for the user, an {@link Error} (out of memory) too; a cancel keeps
     * the text shown so far.
     */
    void start(ThreadFactory threads, Runnable work, Consumer<String> failed) {
        thread = threads.newThread(() -> {
            try {
                work.run();
            } catch (LlmException e) {
                if (e.kind() == LlmException.Kind.CANCELLED) {
                    shown = e.partialText();
                } else if (!cancelled) {
                    failed.accept(e.getMessage());
                }
            } catch (RuntimeException e) {
                if (!cancelled) {
                    LOG.error("Turn {} failed", id(), e);
                    failed.accept(String.valueOf(e.getMessage()));
                }
            } catch (OutOfMemoryError e) {
                // Its garbage is gone with the turn's stack: the assistant must go back to waiting, not
                // stay "thinking" with every later turn refused. (The runner catches it around the
                // request, taking the question back; this is for the rest of the turn.)
                LOG.error("Turn {} ran out of memory", id(), e);
                failed.accept(TurnRunner.OUT_OF_MEMORY);
            } catch (Error e) {
                LOG.error("Turn {} failed", id(), e);
                failed.accept("Parley failed answering this (" + e + "); the log has the details.");
            }
        });
        thread.setName("parley-turn-" + id());
        thread.start();
    }

    /** The turn's latency waterfall, now that it ended (logged, for the record). */
    VoiceEvent.Waterfall waterfall() {
        TurnTimings timings = clock.finish();
        LOG.info("Turn {} ms from end of speech: stt {} | llm first token {} | first chunk {} | first synthesized {}"
                        + " | first audio {} | end {}", id(), timings.sttMs(), timings.llmFirstTokenMs(),
                timings.firstChunkMs(), timings.firstAudioMs(), timings.firstSoundMs(), timings.totalMs());
        return new VoiceEvent.Waterfall(id(), timings, completed);
    }

    /**
     * Opens the turn's sink on {@code output} (null: no voice yet, and no speech): {@code speaking}
     * runs at its first sample, and {@code publish} gets the turn's audio events.
     */
    Speech openSpeech(SpeechOutput output, Runnable speaking, Consumer<VoiceEvent> publish) {
        if (output == null) {
            return null;
        }
        sink = output.open(clock, () -> {
            speaking.run();
            publish.accept(new VoiceEvent.AudioStarted(id()));
        }, heard -> publish.accept(new VoiceEvent.Heard(id(), heard)));
        return new Speech(output.voice(), sink);
    }

    /**
     * As {@link #openSpeech}, but when no speaker can be opened (none plugged in, the sound server
     * gone) the answer is still given, shown and not spoken: null, and {@link #unspoken} says why.
     */
    Speech trySpeech(SpeechOutput output, Runnable speaking, Consumer<VoiceEvent> publish) {
        try {
            return openSpeech(output, speaking, publish);
        } catch (AudioDeviceException e) {
            LOG.warn("Turn {} is answered in text only: {}", id(), e.getMessage());
            unspoken = TurnEndWords.NOT_SPOKEN + e.words();
            return null;
        }
    }

    /** Stops the answer's sound at once, on the caller's thread; a no-op before it speaks. */
    void silence() {
        SpeechSink speaking = sink;
        if (speaking != null) {
            speaking.silence();
        }
    }

    /**
     * Cancels the turn: drops the utterance, interrupts its thread (the runner then records what was
     * heard) and waits up to {@code waitMillis} for it to let go. Returns the words the user heard.
     */
    String cancel(long waitMillis) {
        cancelled = true;
        if (utterance != null) {
            utterance.cancel();
        }
        synchronized (this) {
            if (overheard != null) {
                overheard.cancel();
                overheard = null;
            }
        }
        Thread running = thread;
        if (running != null) {
            running.interrupt();
            try {
                running.join(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (running.isAlive()) {
                LOG.warn("Turn {} did not end within {} ms of its cancel", id(), waitMillis);
            }
        }
        SpeechSink speaking = sink;
        return speaking != null ? speaking.silence() : shown;
    }
}
