package dev.parley.api;

import java.time.Clock;
import java.util.ArrayDeque;

/**
 * One stream client's queue of events (JSON) waiting to be written. Bounded: when the client does not
 * keep up, its oldest events are dropped and it gets one {@code dropped} event with the count instead,
 * so the turn that publishes never waits for a network write.
 */
final class EventClient {

    /** What {@link #next} returns when nothing came within the wait: time for a keep-alive. */
    static final String IDLE = "";

    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private final int capacity;
    private final boolean wantsLevels;
    private final Clock clock;
    private long dropped;
    private boolean closed;

    EventClient(int capacity, boolean wantsLevels, Clock clock) {
        this.capacity = capacity;
        this.wantsLevels = wantsLevels;
        this.clock = clock;
    }

    boolean wantsLevels() {
        return wantsLevels;
    }

    /** Never blocks: a full queue loses its oldest event. */
    synchronized void offer(String json) {
        if (closed) {
            return;
        }
        if (queue.size() == capacity) {
            queue.pollFirst();
            dropped++;
        }
        queue.addLast(json);
        notifyAll();
    }

    /**
     * The next event to write: a {@code dropped} notice first if events were lost, {@link #IDLE} if none
     * came within {@code waitMillis}, null once closed and drained.
     */
    synchronized String next(long waitMillis) throws InterruptedException {
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
            return EventJson.dropped(count, clock.instant());
        }
        return queue.pollFirst(); // null when closed and empty
    }

    /** Ends the stream: what is queued is still written, then {@link #next} returns null. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
