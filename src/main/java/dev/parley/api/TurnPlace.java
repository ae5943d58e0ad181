package dev.parley.api;

import dev.parley.voice.VoiceAssistant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one place for an API turn in the open conversation: asks and speaks run through the controller
 * one at a time, because the controller would otherwise cut the first one off. The place is given up
 * as soon as the turn ends, not when its answer is written: a caller that stops reading a streamed
 * answer (its socket full) would otherwise hold it, and refuse every other ask, for as long as it
 * keeps the connection open.
 */
final class TurnPlace {

    private final VoiceAssistant assistant;
    private final AtomicBoolean taken = new AtomicBoolean();
    /** Answers still being written, a turn's place given up or not: a stopping server waits for them. */
    private final AtomicInteger writing = new AtomicInteger();

    TurnPlace(VoiceAssistant assistant) {
        this.assistant = assistant;
    }

    /** What runs while it holds the place, following its own turn's events. */
    interface Work {
        /**
         * @param stopTurn stops this work's turn as {@code /stop} would, and nothing once it has ended: by
         *     then the controller may be answering the next caller's ask
         */
        void run(TurnWatch watch, Runnable stopTurn) throws Exception;
    }

    /** Runs {@code work} once the place is free, waiting up to {@code justEndingMillis} for it, else {@code busy}. */
    void runAlone(long justEndingMillis, Supplier<ApiProblem> busy, Work work) throws Exception {
        while (!taken.compareAndSet(false, true)) {
            if (!freeWithin(justEndingMillis)) {
                throw busy.get();
            }
        }
        Hold hold = new Hold();
        writing.incrementAndGet();
        TurnWatch watch = new TurnWatch(hold::turnEnded);
        try (AutoCloseable subscription = assistant.subscribe(watch)) { // before the work starts the turn
            work.run(watch, hold::stopTurn);
        } finally {
            hold.turnEnded();
            synchronized (taken) {
                writing.decrementAndGet();
                taken.notifyAll();
            }
        }
    }

    /**
     * Whether the place is free, waiting up to {@code millis} for a turn that is just ending: its last
     * event reaches every subscriber in no set order, so a caller told by the event stream that the turn
     * ended may ask a moment before the place was given up.
     */
    boolean freeWithin(long millis) throws InterruptedException {
        return waitWhile(taken::get, millis);
    }

    /**
     * Cuts off a running ask and waits until its answer (a 409: stopped) is sent, so a server that stops
     * does not drop the caller's connection without a word.
     */
    void stopRunning(long waitMillis) throws InterruptedException {
        if (!taken.get() && writing.get() == 0) {
            return;
        }
        assistant.stop();
        waitWhile(() -> taken.get() || writing.get() > 0, waitMillis);
    }

    /**
     * Waits while {@code busy} holds, up to {@code millis}, on {@code taken}'s monitor (notified when the
     * place or an answer's writing is given up); whether it stopped holding in time.
     */
    private boolean waitWhile(BooleanSupplier busy, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (taken) {
            for (long left = millis; busy.getAsBoolean();
                    left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                if (left <= 0) {
                    return false;
                }
                taken.wait(left);
            }
        }
        return true;
    }

    /**
     * One run's hold on the place. A stop of its turn counts only while the turn runs, and the place is
     * given up only once a stop under way has been handed to the controller: a stop that reached it
     * after the place was free could cut off the next caller's turn. The controller is never called
     * under this object's lock, since it publishes the turn's end (to {@link #turnEnded}) under its own.
     */
    private final class Hold {
        private final AtomicBoolean given = new AtomicBoolean();
        private boolean ended;
        private boolean stopping;

        /** The turn ended (or the work did): the place is given up, now or once a stop under way is handed on. */
        void turnEnded() {
            synchronized (this) {
                ended = true;
                if (stopping) {
                    return;
                }
            }
            giveUp();
        }

        void stopTurn() {
            synchronized (this) {
                if (ended || stopping) {
                    return;
                }
                stopping = true;
            }
            try {
                assistant.stop();
            } finally {
                boolean endedMeanwhile;
                synchronized (this) {
                    stopping = false;
                    endedMeanwhile = ended;
                }
                if (endedMeanwhile) {
                    giveUp();
                }
            }
        }

        private void giveUp() {
            if (given.compareAndSet(false, true)) {
                synchronized (taken) {
                    taken.set(false);
                    taken.notifyAll();
                }
            }
        }
    }
}
