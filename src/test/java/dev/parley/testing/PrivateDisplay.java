package dev.parley.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An X display of a test's own: an Xvfb server on the first free display number of a range, for a
 * child JVM that must run on GTK (the test JVM itself runs JavaFX headless). The test is skipped
 * where Xvfb is not installed ({@code apt-get install xvfb}).
 */
public final class PrivateDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String name;

    private PrivateDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    /** Starts Xvfb on the first free display from {@code first} (inclusive) to {@code first + 40}. */
    public static PrivateDisplay start(int first) throws IOException, InterruptedException {
        for (int n = first; n < first + 40; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process xvfb = null;
            try {
                xvfb = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException noXvfb) {
                assumeTrue(false, "needs Xvfb (apt-get install xvfb)");
            }
            for (int i = 0; i < 100 && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)); i++) {
                Thread.sleep(50);
            }
            if (xvfb.isAlive()) {
                return new PrivateDisplay(xvfb, ":" + n);
            }
        }
        throw new IllegalStateException("no free X display between :" + first + " and :" + (first + 40));
    }

    /** The DISPLAY value, ":N". */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        xvfb.destroy();
    }
}
