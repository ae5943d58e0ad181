package dev.parley.audio.echo;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Keeps webrtc-java's exit noise off standard output. Once its native library is loaded, its C++
 * static objects try to attach the exiting thread to a JVM that is gone and print "VM attach current
 * thread failed" / "Failed to attach thread N" to std::cout as the process ends (jni-voithos
 * {@code JavaThreadEnv}), after everything Parley printed: a stray line for the user, and invalid
 * JSON after {@code bench --echo --json}. So just before Parley exits, once Java's own output is
 * flushed, standard output is pointed at /dev/null for the native code's last words.
 */
public final class NativeExitNoise {

    private static final Logger LOG = LogManager.getLogger(NativeExitNoise.class);
    private static final int STDOUT = 1;
    private static final int WRITE_ONLY = 1;

    /** Set once the webrtc-java library is in the process (there is nothing to silence before). */
    private static volatile boolean webRtcLoaded;

    private NativeExitNoise() {}

    private interface CLibrary extends Library {
        int open(String path, int flags);

        int dup2(int from, int to);
    }

    static void webRtcLoaded() {
        webRtcLoaded = true;
    }

    /** Call last, right before the process exits: Java's output is flushed, the native code's is dropped. */
    public static void silenceBeforeExit() {
        if (!webRtcLoaded || System.getProperty("os.name", "").startsWith("Windows")) {
            return;
        }
        System.out.flush();
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            int devNull = c.open("/dev/null", WRITE_ONLY);
            if (devNull >= 0) {
                c.dup2(devNull, STDOUT);
            }
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("Standard output stays as it is at exit: {}", e.getMessage());
        }
    }
}
