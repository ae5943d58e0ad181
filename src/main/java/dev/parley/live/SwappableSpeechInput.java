package dev.parley.live;

import dev.parley.voice.SpeechInput;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The microphone input in use, replaceable while Parley runs. An utterance that has heard something
 * (words recognized, the wake word, a pause after speech) ends on the input it began on; one that has
 * heard nothing yet (hands-free waiting for the user, who may wait a long time) moves to the new input
 * at once, so a new microphone is listened to without a word being cut. A replaced input is closed
 * when its last utterance ends.
 */
public final class SwappableSpeechInput implements SpeechInput, AutoCloseable {

    /** An input and what to close once it is replaced and no utterance uses it (its microphone). */
    public record Part(SpeechInput input, AutoCloseable release) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            release.close();
        }
    }

    private final Swappable<Part> inputs;
    private final Set<MovableUtterance> open = ConcurrentHashMap.newKeySet();

    public SwappableSpeechInput(Part first) {
        this.inputs = new Swappable<>(first);
    }

    /**
     * From now on listens through {@code next}: utterances that heard nothing yet move to it now, the
     * others end where they are.
     */
    public void replace(Part next) {
        inputs.replace(next);
        for (MovableUtterance utterance : List.copyOf(open)) {
            utterance.moveIfNothingHeard();
        }
    }

    /** The input the next utterance begins on. */
    public SpeechInput current() {
        return inputs.current().input();
    }

    @Override
    public Utterance begin(Consumer<String> partials, Runnable speechEnded) {
        return started(new MovableUtterance(Kind.PRESSED, partials, speechEnded, () -> { }));
    }

    @Override
    public Utterance beginHandsFree(Consumer<String> partials, Runnable speechEnded, Runnable woke) {
        return started(new MovableUtterance(Kind.HANDS_FREE, partials, speechEnded, woke));
    }

    /** {@code bargedIn} counts as hearing something, like the wake word: the utterance then stays put. */
    @Override
    public Utterance beginOverlapping(Consumer<String> partials, Runnable speechEnded, Runnable bargedIn) {
        return started(new MovableUtterance(Kind.OVERLAPPING, partials, speechEnded, bargedIn));
    }

    @Override
    public boolean hasWakeWord() {
        return current().hasWakeWord();
    }

    private Utterance started(MovableUtterance utterance) {
        utterance.beginOnCurrent();
        open.add(utterance);
        return utterance;
    }

    @Override
    public boolean hearsPastOwnVoice() {
        return current().hearsPastOwnVoice();
    }

    @Override
    public void close() {
        inputs.close();
    }

    /** How an utterance is begun on the input: {@link #begin}, {@link #beginHandsFree}, {@link #beginOverlapping}. */
    private enum Kind {
        PRESSED, HANDS_FREE, OVERLAPPING
    }

    /** One utterance, on the input it began on or, while it has heard nothing, the one it moved to. */
    private final class MovableUtterance implements Utterance {

        private final Kind kind;
        private final Consumer<String> partials;
        private final Runnable speechEnded;
        /** The wake word heard, or the user barging in: the input's third callback. */
        private final Runnable woke;
        private Utterance taking;
        private Swappable.Lease<Part> lease;
        /** Callbacks of an utterance moved away from carry an older token and are dropped. */
        private Object token;
        private boolean heard;
        private boolean moving;
        private boolean ended;

        MovableUtterance(Kind kind, Consumer<String> partials, Runnable speechEnded, Runnable woke) {
            this.kind = kind;
            this.partials = partials;
            this.speechEnded = speechEnded;
            this.woke = woke;
        }

        /** Begins on the current input; the input is called without holding this utterance's lock. */
        void beginOnCurrent() {
            Object mine = new Object();
            synchronized (this) {
                token = mine;
            }
            Swappable.Lease<Part> next = inputs.lease();
            Utterance begun;
            try {
                SpeechInput input = next.part().input();
                Consumer<String> heardWords = text -> {
                    if (stillMine(mine, !text.isBlank())) {
                        partials.accept(text);
                    }
                };
                Runnable paused = () -> {
                    if (stillMine(mine, true)) {
                        speechEnded.run();
                    }
                };
                Runnable heardFirst = () -> {
                    if (stillMine(mine, true)) {
                        woke.run();
                    }
                };
                begun = switch (kind) {
                    case PRESSED -> input.begin(heardWords, paused);
                    case HANDS_FREE -> input.beginHandsFree(heardWords, paused, heardFirst);
                    case OVERLAPPING -> input.beginOverlapping(heardWords, paused, heardFirst);
                };
            } catch (RuntimeException | Error e) {
                next.close();
                throw e;
            }
            synchronized (this) {
                taking = begun;
                lease = next;
            }
        }

        private synchronized boolean stillMine(Object callbackToken, boolean heardSomething) {
            if (callbackToken != token) {
                return false;
            }
            heard |= heardSomething;
            return true;
        }

        /** Cancels what was begun on the old input and begins again on the current one. */
        void moveIfNothingHeard() {
            Utterance old;
            Swappable.Lease<Part> oldLease;
            synchronized (this) {
                if (heard || ended || moving || lease == null || lease.part() == inputs.current()) {
                    return;
                }
                moving = true;
                token = new Object(); // from here the old input's callbacks are dropped
                old = taking;
                oldLease = lease;
                taking = null;
                lease = null;
            }
            // Cancelled first: the old and new input may share one recognizer, which serves one stream at a time.
            old.cancel();
            oldLease.close();
            try {
                beginOnCurrent();
            } catch (RuntimeException e) {
                // The new input cannot listen (it reported why): end the utterance, so hands-free moves on.
                speechEnded.run();
            } finally {
                synchronized (this) {
                    moving = false;
                    notifyAll();
                }
            }
        }

        /** Waits out a move in progress, then marks the utterance ended; what it was taking, or null. */
        private synchronized Utterance end() {
            while (moving) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            ended = true;
            open.remove(this);
            return taking;
        }

        @Override
        public String finish() {
            Utterance ending = end();
            try {
                return ending == null ? "" : ending.finish();
            } finally {
                returnLease();
            }
        }

        @Override
        public void cancel() {
            Utterance ending = end();
            try {
                if (ending != null) {
                    ending.cancel();
                }
            } finally {
                returnLease();
            }
        }

        private void returnLease() {
            Swappable.Lease<Part> held;
            synchronized (this) {
                held = lease;
            }
            if (held != null) {
                held.close();
            }
        }
    }
}
