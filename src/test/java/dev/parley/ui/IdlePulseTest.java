package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.PrivateDisplay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JavaFX's pulse timer on a real GTK display (its own JVM on its own Xvfb, where the timer is GTK's
 * and not the test JVM's headless one): idle, it stops; a change from another thread and an
 * animation start it again. Needs Xvfb ({@code apt-get install xvfb}); skipped without it.
 */
@Tag("ui")
class IdlePulseTest {

    @TempDir
    Path folder;

    private PrivateDisplay display;
    private Process probe;

    @Test
    void anIdleWindowGetsNoPulsesAndAChangeOrAnAnimationGetsThemBack() throws Exception {
        Map<String, String> seen = runProbe();

        assertThat(seen).containsEntry("installed", "true");
        // GTK's timer never paused: the JavaFX thread woke 60 times a second in an idle window
        assertThat(seen).as("stopped with nothing to draw").containsEntry("paused-when-idle", "true");
        assertThat(seen).as("a label changed from another thread is laid out and drawn").containsEntry("drawn-text", "changed");
        assertThat(Integer.parseInt(seen.get("animation-pulses-in-500-ms"))).as("an animation runs at the pulse rate")
                .isGreaterThanOrEqualTo(10);
        assertThat(seen).as("stopped again once the animation ended").containsEntry("paused-after-animation", "true");
    }

    private Map<String, String> runProbe() throws Exception {
        display = PrivateDisplay.start(180);
        Path out = folder.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-Djavafx.animation.framerate=" + Rendering.LINUX_FRAMES_PER_SECOND,
                "-cp", System.getProperty("java.class.path"), IdlePulseProbe.class.getName()))
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("DISPLAY", display.name());
        probe = builder.start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("the probe ended").isTrue();
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(probe.exitValue()).as(printed).isZero();
        Map<String, String> seen = new HashMap<>();
        printed.lines().filter(line -> line.matches("[a-z0-9-]+=.*"))
                .forEach(line -> seen.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        assertThat(seen).as(printed).containsKeys("installed", "paused-when-idle", "drawn-text", "animation-pulses-in-500-ms", "paused-after-animation");
        return seen;
    }

    @AfterEach
    void stop() {
        if (probe != null) {
            probe.destroyForcibly();
        }
        if (display != null) {
            display.close();
        }
    }
}
