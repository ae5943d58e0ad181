package dev.parley.ui;

import com.sun.glass.ui.Timer;
import com.sun.javafx.tk.Toolkit;
import java.lang.reflect.Field;
import javafx.application.Platform;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Lets JavaFX's pulse timer stop while the window has nothing to draw, on Linux (GTK), as it already
 * does on macOS.
 *
 * <p>JavaFX asks its pulse timer to pause once nothing has animated or changed for 250 ms, and to
 * resume when anything asks for a pulse (a changed node, an animation, an input event: every change
 * calls {@code requestNextPulse}). On GTK the request does nothing ({@code GtkTimer._pause} is an
 * empty method, JavaFX 21 to 26), so an idle window's JavaFX thread woke at the pulse rate for as long
 * as it was open: most of the idle window's CPU (docs/decisions/0017). Here the toolkit's timer is
 * wrapped in one whose pause stops the GTK timer and whose resume starts it again.
 *
 * <p>This reaches into JavaFX's internals (the Quantum toolkit's {@code pulseTimer} field, Glass's
 * {@code Timer}), which JavaFX on the class path allows. Where either is not as expected (another
 * JavaFX version, another platform, a module path, {@code javafx.animation.fullspeed}), nothing
 * changes and the timer runs as before.
 *
 * <p>The GTK timer is stopped only on the JavaFX thread, which runs its ticks: GTK's native stop
 * drops the timer's runnable with no lock, and a stop from another thread (the render thread asks
 * for a pause too, with a GPU) could race a tick about to call it. A pause asked elsewhere waits for
 * the next tick's, which comes at most a period later.
 */
final class IdlePulse {

    private static final Logger LOG = LogManager.getLogger(IdlePulse.class);
    private static final String GTK_TIMER = "com.sun.glass.ui.gtk.GtkTimer";

    private IdlePulse() {}

    /** On the JavaFX thread, once the toolkit runs. Returns whether the timer can now pause. */
    static boolean letPause() {
        if (Boolean.getBoolean("javafx.animation.fullspeed")) {
            return false; // a timer as fast as it goes, by request: left as it is
        }
        try {
            Toolkit toolkit = Toolkit.getToolkit();
            Field field = toolkit.getClass().getDeclaredField("pulseTimer");
            field.setAccessible(true);
            Field interval = toolkit.getClass().getDeclaredField("PULSE_INTERVAL");
            interval.setAccessible(true);
            synchronized (toolkit) { // the toolkit pauses and resumes its timer under this lock
                Object current = field.get(toolkit);
                if (!(current instanceof Timer timer) || !GTK_TIMER.equals(current.getClass().getName())) {
                    return false; // another platform's timer (it pauses), or wrapped already
                }
                field.set(toolkit, new PausingTimer(timer, interval.getInt(toolkit)));
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notThisJavaFx) {
            // LinkageError: IllegalAccessError where JavaFX is on the module path and keeps com.sun.* to itself
            LOG.debug("JavaFX's pulse timer keeps running while idle: {}", notThisJavaFx.toString());
            return false;
        }
    }

    /**
     * The toolkit's timer behind Glass's timer protocol: start and stop pass on, pause stops it,
     * resume starts it again with the same period (the first pulse then comes one period later, as on
     * macOS).
     */
    static final class PausingTimer extends Timer {

        private final Timer wrapped;
        private int periodMillis;
        private boolean paused;

        /** Wraps {@code wrapped}; started as it is (with {@code periodMillis}) when it runs already. */
        PausingTimer(Timer wrapped, int periodMillis) {
            super(() -> { }); // never run: the wrapped timer keeps the toolkit's own runnable
            this.wrapped = wrapped;
            this.periodMillis = periodMillis;
            if (wrapped.isRunning()) {
                start(periodMillis); // restarts the wrapped timer: one pulse comes a period later
            }
        }

        /** The start without a period (a vsync timer's): passed on, so GTK's timer refuses it as it always did. */
        @Override
        protected long _start(Runnable ignored) {
            wrapped.start();
            return 1;
        }

        @Override
        protected long _start(Runnable ignored, int period) {
            periodMillis = period;
            paused = false;
            wrapped.start(period);
            return 1; // the handle Glass's Timer keeps to know it runs; the wrapped timer holds its own
        }

        @Override
        protected void _stop(long handle) {
            paused = false;
            wrapped.stop();
        }

        @Override
        protected void _pause(long handle) {
            if (!paused && Platform.isFxApplicationThread()) {
                paused = true;
                wrapped.stop();
            }
        }

        @Override
        protected void _resume(long handle) {
            if (paused) {
                paused = false;
                wrapped.start(periodMillis);
            }
        }

        /** Whether the wrapped timer is stopped for want of anything to draw. */
        synchronized boolean paused() {
            return paused;
        }
    }
}
