package dev.parley.api;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * One stream client's queue of events (JSON) waiting to be written. Bounded in events and in
 * characters: when the client does not keep up, its oldest events are dropped and it gets one
 * {@code dropped} event with the count instead, so the turn that publishes never waits for a network
 * write. A client that reads nothing at all is let go: once its queue is full while its writer has
 * been stuck in one write for {@code stuckWrite}, it is closed and its writer interrupted, which closes
 * the connection (socket I/O of a virtual thread ends with its interrupt), so neither the thread nor
 * the socket's buffers stay held for as long as the client stays connected.
 */
final class EventClient {

    /** An event to write: its {@code seq}, or {@link #NO_SEQ} for a notice of this stream's own. */
    record Event(long seq, String json) {}

    static final long NO_SEQ = -1;
    /** What {@link #next} returns when nothing came within the wait: time for a keep-alive. */
    static final Event IDLE = new Event(NO_SEQ, "");

    /**
     * At most this many characters of JSON wait for one client, whatever their count: an event is up to
     * ~60 KB ({@link EventJson#MAX_TEXT} escaped), so 1,000 could be 60 MB a client. As much as the hub
     * replays, so a client that resumes gets all of it.
     */
    static final long MAX_QUEUED_CHARS = EventHub.REPLAYED_CHARS;

    private final ArrayDeque<Event> queue = new ArrayDeque<>();
    private final int capacity;
    private final long stuckWriteNanos;
    private final boolean wantsLevels;
    private final long resumesAfter;
    private final Clock clock;
    private long queuedChars;
    private long dropped;
    private boolean closed;
    private boolean abandoned;
    private Thread writer;
    private boolean inWrite;
    private long writeStarted;

    /** {@code resumesAfter}: the seq after which this client's events follow (replayed ones included). */
    EventClient(int capacity, boolean wantsLevels, long resumesAfter, Clock clock) {
        this(capacity, wantsLevels, resumesAfter, clock, EventHub.STUCK_WRITE);
    }

    /** {@code stuckWrite}: how long a write may block, the queue full, before the client is let go. */
    EventClient(int capacity, boolean wantsLevels, long resumesAfter, Clock clock, Duration stuckWrite) {
        this.capacity = capacity;
        this.stuckWriteNanos = stuckWrite.toNanos();
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

    /**
     * Never blocks: a full queue loses its oldest event, or, while its writer is stuck, the client is
     * let go. Returns false when this event let it go.
     */
    synchronized boolean offer(long seq, String json) {
        if (closed) {
            return true;
        }
        queue.addLast(new Event(seq, json));
        queuedChars += json.length();
        if (queue.size() > capacity || queuedChars > MAX_QUEUED_CHARS) {
            if (inWrite && System.nanoTime() - writeStarted >= stuckWriteNanos) {
                abandon();
                return false;
            }
            while (queue.size() > 1 && (queue.size() > capacity || queuedChars > MAX_QUEUED_CHARS)) {
                queuedChars -= queue.pollFirst().json().length();
                dropped++;
            }
        }
        notifyAll();
        return true;
    }

    /** The writer is about to write on {@code thread}; {@link #written} when that write returns. */
    synchronized void writing(Thread thread) {
        writer = thread;
        inWrite = true;
        writeStarted = System.nanoTime();
    }

    synchronized void written() {
        inWrite = false;
    }

    /** Whether the client was let go for reading nothing: its writer's interrupt is this class's doing. */
    synchronized boolean abandoned() {
        return abandoned;
    }

    /** How many characters of JSON wait to be written. */
    synchronized long queuedChars() {
        return queuedChars;
    }

    private void abandon() {
        closed = true;
        abandoned = true;
        queue.clear();
        queuedChars = 0;
        dropped = 0;
        writer.interrupt();
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
        Event next = queue.pollFirst(); // null when closed and empty
        if (next != null) {
            queuedChars -= next.json().length();
        }
        return next;
    }

    /** Ends the stream: what is queued is still written, then {@link #next} returns null. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
