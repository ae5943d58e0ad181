package dev.parley.storage;

/**
 * Whether a store's writes are failing, so it warns once per stretch of failures: a full disk fails
 * every turn's write, and the same warning each turn buries the rest of the log while saying nothing
 * new. A write that succeeds ends the stretch; the next failure is news again.
 */
public final class FailingWrites {

    private boolean failing;
    private int missed;

    /** Records a failed write; true when it is the first since the last success (or ever), the one to warn of. */
    public synchronized boolean failed() {
        missed++;
        boolean first = !failing;
        failing = true;
        return first;
    }

    /**
     * Records a successful write; returns how many writes had failed since the last success (0 when none),
     * so the store can say what was lost once it writes again.
     */
    public synchronized int succeeded() {
        int lost = missed;
        failing = false;
        missed = 0;
        return lost;
    }
}
