package dev.parley.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.pipeline.TurnEvent;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One running ask of a conversation other than the open one, and what {@code /stop} cuts off. The turn
 * runs on a thread of its own and a stop interrupts that thread alone: an interrupt that reached the
 * request's thread while it wrote the answer closed its socket, and the caller got no answer at all;
 * one that came while it read the conversation's file closed that file. While the ask waits to decode
 * its pictures ({@link #stoppable}) a stop interrupts that wait; at any other moment before the turn
 * starts it is noted, and the turn never starts. Every hand-over is under this object's lock, so no
 * stop falls between two of them.
 */
final class AskInFlight {

    private final Thread request = Thread.currentThread();
    /** What a stop interrupts: the turn's thread, or the request's in a {@link #stoppable} wait. Guarded by this. */
    private Thread interruptible;
    private boolean stopped;

    /** Cuts off the ask: its turn (whose caller then gets 409: stopped), or the turn it was about to start. */
    synchronized void stop() {
        stopped = true;
        if (interruptible != null) {
            interruptible.interrupt();
        }
    }

    /** Work on the request's thread that a stop may interrupt: it does no file or socket I/O. */
    interface Stoppable<T> {
        T get() throws InterruptedException;
    }

    /** Runs {@code work} on this thread, which a stop meanwhile interrupts. */
    <T> T stoppable(Stoppable<T> work) throws InterruptedException {
        synchronized (this) {
            if (stopped) {
                throw new InterruptedException("stopped");
            }
            interruptible = Thread.currentThread();
        }
        try {
            return work.get();
        } finally {
            synchronized (this) {
                interruptible = null;
            }
            Thread.interrupted(); // a stop at the very end is in `stopped`: the turn will not start
        }
    }

    /** Waits up to {@code millis} for the request to have answered. */
    void awaitAnswered(long millis) throws InterruptedException {
        request.join(Math.max(1, millis));
    }

    /**
     * Runs {@code turn} (given where to send its events) on a thread of its own and returns what it
     * returns; its events reach {@code caller} on this, the request's, thread. A caller that fails (the
     * client left a stream) stops the turn; its failure is thrown once the turn has ended and saved.
     *
     * @throws ApiProblem STOPPED when a stop came before the turn started
     */
    ObjectNode run(Function<Consumer<TurnEvent>, ObjectNode> turn, Consumer<TurnEvent> caller) {
        BlockingQueue<Optional<TurnEvent>> relayed = new LinkedBlockingQueue<>();
        CompletableFuture<ObjectNode> outcome = new CompletableFuture<>();
        Thread thread = Thread.ofVirtual().name("parley-api-turn").unstarted(() -> {
            try {
                outcome.complete(turn.apply(event -> relayed.add(Optional.of(event))));
            } catch (Throwable failure) {
                outcome.completeExceptionally(failure);
            } finally {
                relayed.add(Optional.empty());
            }
        });
        synchronized (this) {
            if (stopped) {
                throw ApiProblem.conflict(ApiProblem.Code.STOPPED, "The answer was stopped before it began.");
            }
            interruptible = thread;
            thread.start();
        }
        RuntimeException callerFailed = relay(relayed, caller, thread);
        synchronized (this) {
            interruptible = null;
        }
        ObjectNode result;
        try {
            result = outcome.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
        if (callerFailed != null) {
            throw callerFailed;
        }
        return result;
    }

    /** Passes the events on until the turn's end; the caller's failure, if any, stops the turn. */
    private static RuntimeException relay(BlockingQueue<Optional<TurnEvent>> relayed, Consumer<TurnEvent> caller,
            Thread turn) {
        RuntimeException callerFailed = null;
        try {
            for (Optional<TurnEvent> event = relayed.take(); event.isPresent(); event = relayed.take()) {
                if (callerFailed != null) {
                    continue; // drained until the turn ends, so it is saved before the request answers
                }
                try {
                    caller.accept(event.get());
                } catch (RuntimeException failure) {
                    callerFailed = failure;
                    turn.interrupt();
                }
            }
        } catch (InterruptedException closing) { // the server is closing this request's connection
            turn.interrupt();
            Thread.currentThread().interrupt();
        }
        return callerFailed;
    }
}
