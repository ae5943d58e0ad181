package dev.parley.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Gives the unused part of the Java heap back to the operating system once Parley has been quiet for
 * a while: one collection after {@link #QUIET} without an {@link #activity()}, then none until the
 * next activity. G1 shrinks the heap only after a concurrent cycle or a full collection, and an idle
 * window makes no garbage that would start one, so the heap that the start or a turn grew would stay
 * committed. Both launchers pass {@code -XX:+ExplicitGCInvokesConcurrent}, so the collection is a
 * concurrent cycle (pauses of a few ms) rather than a full one (packaging/jvm-options).
 *
 * <p>G1's own periodic collection ({@code G1PeriodicGCInterval}) did this at 30 s, but it repeats
 * every interval for as long as Parley idles, each cycle marking the whole live heap to free nothing
 * after the first: 0.1–0.2 % of a core all day (docs/performance.md, "The idle window with its
 * microphone under 1 %"). It stays, at 5 minutes, for what no activity reports (a typed chat).
 *
 * <p>One per process, as the heap is: the waiting is a parked virtual thread, started when the
 * process's trim is first asked for (by the assistant, which reports its first activity at once), so a
 * command without an assistant starts nothing; the collection itself runs on a platform thread that
 * ends with it (see {@link #collectOffCarrier}), so the idle process keeps no thread more.
 */
public final class QuietHeapTrim {

    /** After a turn, long enough that the next question of a conversation usually comes first. */
    static final Duration QUIET = Duration.ofSeconds(30);

    private static final Logger LOG = LogManager.getLogger(QuietHeapTrim.class);
    private static final QuietHeapTrim PROCESS = new QuietHeapTrim(QUIET, QuietHeapTrim::collectOffCarrier,
            "parley-heap-trim");

    private final long quietNanos;
    private final Runnable collect;
    /** Whether a collection is owed: set by each activity, cleared by the collection. */
    private final AtomicBoolean owed = new AtomicBoolean();
    private volatile long lastActivity;
    private final Thread waiter;

    QuietHeapTrim(Duration quiet, Runnable collect, String threadName) {
        this.quietNanos = quiet.toNanos();
        this.collect = collect;
        this.waiter = Thread.ofVirtual().name(threadName).start(this::waitAndCollect); // parks until an activity
    }

    /** The process's trim. */
    public static QuietHeapTrim process() {
        return PROCESS;
    }

    /** Something happened (a turn started or ended): the collection waits for {@link #QUIET} from now. */
    public void activity() {
        lastActivity = System.nanoTime();
        if (!owed.getAndSet(true)) {
            LockSupport.unpark(waiter); // parked until the next activity
        }
    }

    private void waitAndCollect() {
        while (true) {
            long wait = lastActivity + quietNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // an activity meanwhile moves the deadline: the loop waits again
            } else if (owed.compareAndSet(true, false)) {
                if (lastActivity + quietNanos - System.nanoTime() > 0) {
                    owed.set(true); // an activity came between reading the deadline and claiming it: wait for it
                } else {
                    collectQuietly();
                }
            } else {
                LockSupport.park(); // an activity unparks
            }
        }
    }

    /** A failing collection is logged; the trim goes on at the next activity. */
    private void collectQuietly() {
        try {
            collect.run();
        } catch (RuntimeException e) {
            LOG.warn("The heap trim's collection failed", e);
        }
    }

    /**
     * System.gc() waits inside the VM for the whole concurrent cycle (50–150 ms here), and a virtual
     * thread blocked there holds its carrier: another virtual thread (a recording's deliverer, a model
     * request) would wait for it on a machine with one carrier. So it runs on a short-lived platform
     * thread of its own, not waited for.
     */
    private static void collectOffCarrier() {
        Thread.ofPlatform().daemon().name("parley-heap-trim-gc").start(System::gc);
    }
}
