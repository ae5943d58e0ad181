package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Main;
import dev.parley.testing.PrivateDisplay;
import dev.parley.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window, in its own JVM on its own Xvfb display, asked to stop by SIGTERM (what a session
 * that ends sends) or by Ctrl-C: it closes as its close button does, saving where it was, and prints
 * nothing.
 * Needs the Xvfb binary ({@code apt-get install xvfb}); skipped without it.
 */
@Tag("ui")
class QuitOnSignalTest {

    @TempDir
    Path folder;

    private PrivateDisplay display;
    private Process window;

    private Path configDir;
    private Path logs;
    private Path stderr;

    @Test
    void sigtermClosesTheWindowInOrderAndQuietly() throws Exception {
        startWindow();
        // Once the start-up loads have ended: AWT (the tray) and the key hook run too, and must end quietly.
        awaitLogLine(logs.resolve("parley.log"), "Tray, global key and timers started", 60);

        window.destroy(); // SIGTERM

        assertClosedInOrder();
        assertThat(Files.readString(logs.resolve("parley.log"))).contains("SIGTERM received: closing the window");
    }

    /**
     * While the start-up loads still run. Ctrl-C in a terminal signals the whole process group, and a launching JVM (VectorApiLaunch)
     * passes the signal on too: one request arriving twice within moments must not count as the
     * second, impatient one that ends Parley without saving.
     */
    @Test
    void oneRequestDeliveredTwiceAtOnceStillClosesInOrder() throws Exception {
        startWindow();

        signal("INT");
        Thread.sleep(30);
        window.destroy(); // SIGTERM, as VectorApiLaunch's parent passes it on

        assertClosedInOrder();
        assertThat(Files.readString(logs.resolve("parley.log"))).contains("SIGINT received: closing the window");
    }

    private void startWindow() throws Exception {
        display = PrivateDisplay.start(140);
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");
        configDir = Files.createDirectories(folder.resolve("config"));
        Files.createFile(configDir.resolve("welcome-done"));
        logs = folder.resolve("logs");
        stderr = folder.resolve("stderr.txt");
        // The launchers' JVM options (scripts/parley), without which the JVM itself warns on stderr.
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-Dparley.config.dir=" + configDir, "-Dparley.data.dir=" + folder.resolve("data"),
                "-Dparley.log.dir=" + logs, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
        builder.environment().put("DISPLAY", display.name());
        builder.environment().put("HOME", folder.toString());
        window = builder.start();
        // While the voice still loads: MaryTTS's own shutdown hook must not print either.
        awaitLogLine(logs.resolve("parley.log"), "Window shown", 90);
    }

    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(window.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private void assertClosedInOrder() throws Exception {
        assertThat(window.waitFor(15, TimeUnit.SECONDS)).as("ended within its grace time").isTrue();
        assertThat(window.exitValue()).as("closed as its close button does, not cut short").isZero();
        // Read leniently: whatever was printed must show in the failure, even bytes that are not UTF-8.
        assertThat(new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8)).isEmpty();
        assertThat(configDir.resolve("window.properties")).as("stop() saved the window's place").exists();
    }

    private static void awaitLogLine(Path log, String line, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + line + "' in " + log + " within " + seconds + " s");
    }

    @AfterEach
    void stop() {
        if (window != null) {
            window.destroyForcibly();
        }
        if (display != null) {
            display.close();
        }
    }
}
