package dev.parley.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** This process's standard output, as the system sees it. */
public final class StandardOutput {

    private static final int DESCRIPTOR = 1;

    private StandardOutput() {}

    private interface CLibrary extends Library {
        int isatty(int descriptor);
    }

    /**
     * Whether descriptor 1 is a terminal. {@link System#console()} cannot tell: it answers for input
     * and output together. False where libc cannot be asked (Windows): output is then taken as given,
     * as it was before this check.
     */
    public static boolean isTerminal() {
        try {
            return Native.load("c", CLibrary.class).isatty(DESCRIPTOR) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException noLibc) {
            return false;
        }
    }
}
