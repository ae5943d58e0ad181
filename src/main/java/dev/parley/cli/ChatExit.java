package dev.parley.cli;

/**
 * Ctrl+C or SIGTERM in a chat. The JVM then runs its shutdown hooks and exits (130, 143); without this
 * the answer in progress, and the question, were lost from a saved conversation, though {@code serve}
 * and the window keep them. Now the turn is stopped and what was shown (or heard) is saved, marked
 * interrupted, before the process ends.
 */
final class ChatExit implements AutoCloseable {

    /** A stopped turn ends within milliseconds; a hung save must not keep the terminal waiting. */
    private static final long WAIT_MILLIS = 3000;

    private final Thread hook;
    private final Thread turnThread;
    private boolean exiting;
    private boolean inTurn;

    private ChatExit(Thread turnThread, Runnable onExit) {
        this.turnThread = turnThread;
        this.hook = new Thread(onExit == null ? this::stopTurnAndWait : onExit, "parley-chat-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * For a typed chat, whose turns run on the calling thread: at exit that thread is interrupted, and
     * the hook waits until {@link #turnEnded} says the stopped turn was saved.
     */
    static ChatExit stoppingTypedTurns() {
        return new ChatExit(Thread.currentThread(), null);
    }

    /** For the voice chat: at exit {@code stopAndSave} stops the voice (ending its turn) and saves. */
    static ChatExit running(Runnable stopAndSave) {
        return new ChatExit(null, stopAndSave);
    }

    /** Before a typed turn; false once the process is exiting, when no turn may start. */
    synchronized boolean turnStarts() {
        inTurn = !exiting;
        return inTurn;
    }

    /** After a typed turn, once what it left in the conversation is saved. */
    synchronized void turnEnded() {
        inTurn = false;
        notifyAll();
    }

    /** Whether the process is exiting: a stopped turn is saved, not reported as a failure. */
    synchronized boolean exiting() {
        return exiting;
    }

    private synchronized void stopTurnAndWait() {
        exiting = true;
        if (!inTurn) {
            return; // every finished turn is saved already
        }
        turnThread.interrupt();
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        try {
            for (long left = WAIT_MILLIS; inTurn && left > 0; left = deadline - System.currentTimeMillis()) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The chat ended by itself: the hook is not needed. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the hook is running or has run
        }
    }
}
