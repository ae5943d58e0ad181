package dev.parley.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard input as the user gave it. When Parley is started with standard input closed
 * ({@code parley chat <&-}, or by a launcher that closes it), the JVM opens its own files before
 * {@code main}, and Linux hands out the lowest free descriptor: descriptor 0 becomes the runtime's
 * {@code lib/modules}, and {@link System#in} reads 100 MB of class data that {@code chat} would send
 * to the model as thousands of turns. A closed input is what the user meant, so it reads as empty.
 */
public final class StandardInput {

    private static final Path DESCRIPTOR_ZERO = Path.of("/proc/self/fd/0");

    private StandardInput() {}

    /** {@link System#in}, or an empty stream when descriptor 0 is one of the Java runtime's own files. */
    public static InputStream usable() {
        return isRuntimeFile(whereDescriptorZeroPoints(), Path.of(System.getProperty("java.home")))
                ? InputStream.nullInputStream()
                : System.in;
    }

    /** Where descriptor 0 leads ({@code null} where the system does not say, as off Linux). */
    private static Path whereDescriptorZeroPoints() {
        try {
            return Files.readSymbolicLink(DESCRIPTOR_ZERO);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // No /proc (macOS, Windows) or not allowed to look: standard input is taken as given,
            // which is what every Parley did before this check.
            return null;
        }
    }

    /** Whether {@code target} lies in the runtime at {@code javaHome}: no user pipes a JVM file into Parley. */
    static boolean isRuntimeFile(Path target, Path javaHome) {
        if (target == null || !target.isAbsolute()) {
            return false; // pipes, sockets and terminals read as "pipe:[123]" or "/dev/pts/0"
        }
        Path home = javaHome.toAbsolutePath().normalize();
        return target.normalize().startsWith(home) || target.normalize().startsWith(realPath(home));
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }
}
