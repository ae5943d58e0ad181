package dev.parley.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import sun.misc.Signal;

/**
 * Closes the window as its close button does when the session ends or someone asks the process to
 * stop (SIGTERM, SIGINT, SIGHUP), so {@code ParleyApp.stop()} saves the window's place and the open
 * conversation. Left to the JVM, those signals start its shutdown at once: JavaFX's shutdown hook
 * stops the renderer while the FX thread still paints (a {@code RejectedExecutionException} stack
 * trace on stderr), and nothing is saved.
 */
final class QuitOnSignal {

    private static final Logger LOG = LogManager.getLogger(QuitOnSignal.class);
    /** A window that has not closed by then ends anyway, as the signal asked. */
    private static final long GRACE_MILLIS = 5_000;
    /**
     * A second signal this soon after the first is the same request delivered twice, not a second
     * Ctrl-C: a terminal signals the whole process group, and the JVM that started this one for the
     * Vector API ({@code VectorApiLaunch}) passes its own signal on as well. A person pressing Ctrl-C
     * twice takes longer.
     */
    private static final long SAME_REQUEST_NANOS = 500_000_000L;
    private static final AtomicBoolean QUITTING = new AtomicBoolean();
    private static volatile long firstSignalNanos;

    private QuitOnSignal() {}

    static void install() {
        for (String name : List.of("TERM", "INT", "HUP")) {
            try {
                Signal.handle(new Signal(name), QuitOnSignal::quit);
            } catch (IllegalArgumentException notHere) {
                // Unknown on this platform (Windows has no HUP) or kept by the JVM (-Xrs): its default stays.
            }
        }
    }

    private static void quit(Signal signal) {
        int exitCode = 128 + signal.getNumber(); // what a shell reports for a process the signal ended
        if (!QUITTING.compareAndSet(false, true)) {
            if (System.nanoTime() - firstSignalNanos >= SAME_REQUEST_NANOS) {
                System.exit(exitCode); // asked twice (Ctrl-C again): no more waiting
            }
            return;
        }
        firstSignalNanos = System.nanoTime();
        LOG.info("SIG{} received: closing the window", signal.getName());
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException ignored) {
                // end now
            }
            System.exit(exitCode);
        }, "parley-quit-deadline");
        deadline.setDaemon(true);
        deadline.start();
        Platform.exit();
    }
}
