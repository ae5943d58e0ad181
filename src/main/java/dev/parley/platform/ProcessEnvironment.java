package dev.parley.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;

/**
 * This process's environment as native code reads it. Java cannot change its own environment
 * ({@link System#getenv} is a copy taken at start), but native libraries that read a variable later
 * through libc (GDK when the display opens, libpulse when a stream connects) see what
 * {@link #setIfUnset} wrote. libc's {@code setenv} is not safe beside a {@code getenv} on another
 * thread: set variables before the threads that read them start.
 */
public final class ProcessEnvironment {

    private ProcessEnvironment() {}

    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    public static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /**
     * Sets the variable unless it is set already (a value the user gave wins).
     *
     * @throws UnsatisfiedLinkError where libc cannot be loaded
     */
    public static void setIfUnset(String name, String value) {
        Native.load("c", CLibrary.class).setenv(name, value, 0);
    }

    /** What libc's environment holds for the variable now, or null. */
    public static String get(String name) {
        return Native.load("c", CLibrary.class).getenv(name);
    }
}
