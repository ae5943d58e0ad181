package dev.parley.live;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Holds the current one of a part that can be replaced while it is used (a speech model, a voice, a
 * microphone). Users {@link #lease} the current part for one piece of work (an utterance, an answer)
 * and keep that part for the whole of it, however often it is replaced meanwhile; a replaced part is
 * closed once its last lease is returned, so nothing is closed under a user's feet and nothing is
 * left open.
 */
public final class Swappable<T extends AutoCloseable> implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(Swappable.class);

    private T current;
    /** Leases out per part, the current one included; a replaced part leaves this map when closed. */
    private final Map<T, Integer> leases = new IdentityHashMap<>();
    private boolean closed;

    public Swappable(T first) {
        this.current = first;
    }

    /** The part work starting now would use; for questions that need no lease (a sample rate, a flag). */
    public synchronized T current() {
        return current;
    }

    /** The current part, kept open until the lease is closed (closing twice counts once). */
    public synchronized Lease<T> lease() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        T part = current;
        leases.merge(part, 1, Integer::sum);
        return new Lease<>(this, part);
    }

    /**
     * Makes {@code next} the part new leases get. The part it replaces is closed now if no lease holds
     * it, else when its last lease is closed. Replacing with the same part does nothing.
     */
    public void replace(T next) {
        T idle = null;
        synchronized (this) {
            if (closed) {
                idle = next; // nothing will hand it out
            } else if (next != current) {
                T replaced = current;
                current = next;
                if (!leases.containsKey(replaced)) {
                    idle = replaced;
                }
            }
        }
        closeQuietly(idle);
    }

    private void release(T part) {
        boolean idle;
        synchronized (this) {
            int left = leases.merge(part, -1, Integer::sum);
            if (left > 0) {
                return;
            }
            leases.remove(part);
            idle = part != current || closed;
        }
        if (idle) {
            closeQuietly(part);
        }
    }

    /** Closes the current part, and any replaced part once its leases are closed. */
    @Override
    public void close() {
        T idle;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            idle = leases.containsKey(current) ? null : current;
        }
        closeQuietly(idle);
    }

    /** How many parts are open: the current one and those replaced but still leased. For tests and the log. */
    public synchronized int openParts() {
        List<T> open = new ArrayList<>(leases.keySet());
        if (!closed && !leases.containsKey(current)) {
            open.add(current);
        }
        return open.size();
    }

    private static void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            LOG.warn("Closing a replaced part failed: {}", e.getMessage(), e);
        }
    }

    /** One use of a part: {@link #part()} stays open until this is closed. */
    public static final class Lease<T extends AutoCloseable> implements AutoCloseable {

        private final Swappable<T> owner;
        private final T part;
        private boolean returned;

        private Lease(Swappable<T> owner, T part) {
            this.owner = owner;
            this.part = part;
        }

        public T part() {
            return part;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (returned) {
                    return;
                }
                returned = true;
            }
            owner.release(part);
        }
    }
}
