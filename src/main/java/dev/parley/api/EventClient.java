package dev.parley.api;

import java.time.Clock;
import java.util.ArrayDeque;

/**
 * One stream client's queue of events (JSON) waiting to be written. Bounded: when the client does not
 * keep up, its oldest events are dropped and it gets one {@code dropped} event with the count instead,
 * so the turn that publishes never waits for a network write.
 */
final class EventClient {

    /** An event to write: its {@code seq}, or {@link #NO_SEQ} for a notice of this stream's own. */
    record Event(long seq, String json) {}

    static final long NO_SEQ = -1;
    /** What {@link #next} returns when nothing came within the wait: time for a keep-alive. */
    static final Event IDLE = new Event(NO_SEQ, "");

    private final ArrayDeque<Event> queue = new ArrayDeque<>();
    private final int capacity;
    private final boolean wantsLevels;
    private final long resumesAfter;
    private final Clock clock;
    private long dropped;
    private boolean closed;

    /** {@code resumesAfter}: the seq after which this client's events follow (replayed ones included). */
    EventClient(int capacity, boolean wantsLevels, long resumesAfter, Clock clock) {
        this.capacity = capacity;
        this.wantsLevels = wantsLevels;
        this.resumesAfter = resumesAfter;
        this.clock = clock;
    }

    boolean wantsLevels() {
        return wantsLevels;
    }

    /** The seq after which this client's events follow: where it stands before its first event. */
    long resumesAfter() {
        return resumesAfter;
    }

    /** Never blocks: a full queue loses its oldest event. */
    synchronized void offer(long seq, String json) {
        if (closed) {
            return;
        }
        if (queue.size() == capacity) {
            queue.pollFirst();
            dropped++;
        }
        queue.addLast(new Event(seq, json));
        notifyAll();
    }

    /**
     * The next event to write: a {@code dropped} notice first if events were lost, {@link #IDLE} if none
     * came within {@code waitMillis}, null once closed and drained.
     */
    synchronized Event next(long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (queue.isEmpty() && dropped == 0 && !closed) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return IDLE;
            }
            wait(left);
        }
        if (dropped > 0) {
            long count = dropped;
            dropped = 0;
            return new Event(NO_SEQ, EventJson.dropped(count, clock.instant()));
        }
        return queue.pollFirst(); // null when closed and empty
    }

    /** Ends the stream: what is queued is still written, then {@link #next} returns null. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
