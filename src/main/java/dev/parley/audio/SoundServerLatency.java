package dev.parley.audio;

import dev.parley.platform.ProcessEnvironment;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Asks PulseAudio (and PipeWire's Pulse server) for a short buffer on every stream Parley opens.
 *
 * <p>Java Sound reaches them through ALSA's pulse plugin, and libpulse reads {@code PULSE_LATENCY_MSEC}
 * from the process environment each time a stream connects. Without it a stream may get the server's
 * default latency (up to 2 s): speech starts late and the line's frame position no longer says what
 * was heard. Java cannot change its own environment, so the variable is set through libc, once,
 * before the first line opens; the same happens under tests, the launcher script and the installed
 * app. A value the user set wins. 100 ms keeps speech prompt without starving the microphone on a
 * busy two-core machine (docs/stack-notes.md).
 */
final class SoundServerLatency {

    static final String VARIABLE = "PULSE_LATENCY_MSEC";
    static final String MILLIS = "100";

    private static final Logger LOG = LogManager.getLogger(SoundServerLatency.class);
    private static boolean done;

    private SoundServerLatency() {
    }

    /** Sets the variable for this process unless it is set already or this is not Linux. */
    static synchronized void request() {
        if (done) {
            return;
        }
        done = true;
        if (!ProcessEnvironment.isLinux() || System.getenv(VARIABLE) != null) {
            return;
        }
        try {
            ProcessEnvironment.setIfUnset(VARIABLE, MILLIS);
            LOG.debug("{}={} for this process", VARIABLE, MILLIS);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.warn("Could not ask the sound server for a {} ms buffer ({}); speech may start late. Start Parley"
                    + " with {}={} set to fix it.", MILLIS, e.getMessage(), VARIABLE, MILLIS);
        }
    }

    /** What libc's environment now holds for the variable, as native code (libpulse) sees it. */
    static String current() {
        return ProcessEnvironment.get(VARIABLE);
    }
}
