package dev.parley.tts;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Keeps one harmless MaryTTS failure off stderr. MaryTTS adds a shutdown hook that calls
 * {@code Mary.shutdown()} before it starts its modules, and counts as running only once they all
 * started; a JVM that ends while the voice still loads (the window closed or signalled in its first
 * seconds) gets "IllegalStateException: MARY system is not running" from that hook, with its stack
 * trace on stderr. Nothing was running, so nothing is lost: that one exception goes to the log.
 */
final class MaryExitDuringStart {

    private static final Logger LOG = LogManager.getLogger(MaryExitDuringStart.class);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private MaryExitDuringStart() {}

    /** Wraps the JVM's handler of uncaught exceptions; every other exception reaches it as before. */
    static void quiet() {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (isMaryHookBeforeStart(failure)) {
                LOG.debug("The JVM ended while MaryTTS was starting; its shutdown hook had nothing to stop");
            } else if (previous != null) {
                previous.uncaughtException(thread, failure);
            } else { // what the JVM prints without a handler (ThreadGroup.uncaughtException would call this one)
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                failure.printStackTrace(System.err);
            }
        });
    }

    static boolean isMaryHookBeforeStart(Throwable failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        return failure instanceof IllegalStateException && "MARY system is not running".equals(failure.getMessage())
                && stack.length > 0 && stack[0].getClassName().equals("marytts.server.Mary")
                && stack[0].getMethodName().equals("shutdown");
    }
}
