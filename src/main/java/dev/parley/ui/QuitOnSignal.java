package dev.parley.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
     * The first signal's name. A second signal of the same kind (Ctrl-C again) ends Parley at once; one
     * of another kind is the same request delivered twice: a terminal's Ctrl-C signals the whole
     * process group (SIGINT), and the JVM that started this one for the Vector API
     * ({@code VectorApiLaunch}) passes its own signal on as SIGTERM.
     */
    private static final AtomicReference<String> FIRST = new AtomicReference<>();

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
        if (!FIRST.compareAndSet(null, signal.getName())) {
            if (signal.getName().equals(FIRST.get())) {
                System.exit(exitCode); // asked twice (Ctrl-C again): no more waiting
            }
            return;
        }
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
