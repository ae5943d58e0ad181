package dev.parley.ui;

import dev.parley.platform.ProcessEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * JavaFX and GTK rendering settings that must be chosen before their toolkits start, for the idle
 * window's footprint (docs/decisions/0017). What the user set ({@code -Dprism.order},
 * {@code -Djavafx.animation.framerate} or {@code -Djavafx.animation.pulse}, {@code GDK_GL}) is kept.
 */
final class Rendering {

    /** Frames per second on Linux; JavaFX's default is 60. */
    static final int LINUX_FRAMES_PER_SECOND = 30;

    private static final Logger LOG = LogManager.getLogger(Rendering.class);

    private Rendering() {}

    /** Call first, before any other thread starts: libc's setenv is not safe beside a getenv. */
    static void configure() {
        if (!ProcessEnvironment.isLinux()) {
            return;
        }
        if (!hasGpu(Path.of("/dev"))) {
            withoutGpu();
        }
        if (System.getProperty("javafx.animation.framerate") == null
                && System.getProperty("javafx.animation.pulse") == null) {
            // Animations (the level meter's, the controls' transitions) advance 30 times a second,
            // which still draws them smoothly. The pulse timer itself keeps its 60 Hz (IdlePulse stops
            // it while nothing changes). "framerate", not "pulse": JavaFX prints "Setting
            // PULSE_DURATION to 30 hz" on standard error at every start for the second.
            System.setProperty("javafx.animation.framerate", Integer.toString(LINUX_FRAMES_PER_SECOND));
        }
    }

    /**
     * Without a GPU, Mesa renders OpenGL on the CPU through LLVM: JavaFX's OpenGL pipeline then adds
     * five threads (two rasterizers, a shader disk cache, two driver threads), and GDK's GL probe at
     * display start alone maps ~43 MB of LLVM and Mesa. Prism's own software renderer is made for
     * this case, and GDK draws nothing with GL in Parley's window.
     */
    private static void withoutGpu() {
        if (System.getProperty("prism.order") == null) {
            System.setProperty("prism.order", "sw");
        }
        if (System.getenv("GDK_GL") == null) {
            try {
                ProcessEnvironment.setIfUnset("GDK_GL", "disable"); // GDK reads it when the display opens
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                LOG.debug("GDK_GL not set ({}): GDK will probe OpenGL", e.getMessage());
            }
        }
    }

    /** A Linux GPU shows as a DRM device folder (Mesa, AMD, Intel, nouveau) or an NVIDIA device. */
    static boolean hasGpu(Path dev) {
        return Files.isDirectory(dev.resolve("dri")) || Files.exists(dev.resolve("nvidia0"));
    }
}
