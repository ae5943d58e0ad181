package dev.parley.llm;

import java.time.Duration;

/**
 * When a whole reply, all its tool rounds included, must have ended ({@code llm.reply-limits.max-seconds}).
 * The clock starts with the first request under way, not before: the embedded model may first spend
 * minutes downloading, which is no reply running long.
 */
final class ReplyDeadline {

    private final Duration allowed;
    private long endNanos;
    private boolean started;

    ReplyDeadline(Duration allowed) {
        this.allowed = allowed;
    }

    /** Starts the clock; later calls (the following rounds) leave it running. */
    synchronized void start() {
        if (!started) {
            started = true;
            endNanos = System.nanoTime() + allowed.toNanos();
        }
    }

    synchronized long nanosLeft() {
        return endNanos - System.nanoTime();
    }
}
