package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.Microphone;
import dev.parley.audio.Speaker;
import dev.parley.audio.WavFiles;
import dev.parley.testing.CliRun;
import dev.parley.testing.Loopback;
import dev.parley.testing.TestConfigs;
import dev.parley.bench.WordErrorRate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `parley listen`: the microphone test, over the sound server's loopback. */
class ListenCommandTest {

    @TempDir
    Path folder;

    Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");
    }

    @Test
    void aDeviceNameMatchingNothingFailsWithTheAvailableDevices() {
        CliRun run = CliRun.of("listen", "--config", config.toString(), "--device", "no-such-mic-xyz");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        // Without any input device the message says how to get one instead.
        assertThat(run.err()).startsWith("parley: No audio input device")
                .containsAnyOf("matches 'no-such-mic-xyz'", "found");
        Microphone.inputDeviceNames().forEach(name -> assertThat(run.err()).contains(name));
    }

    @Test
    void refusesANonPositiveDuration() {
        CliRun run = CliRun.of("listen", "--config", config.toString(), "--seconds", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--seconds must be from 0.1 to 3600 (found 0)");
    }

    @Test
    @Tag("audio")
    void showsTheLevelAndPrintsWhatWasSaidUntilEnterIsPressed() throws Exception {
        Loopback.requireDevices();
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(keyboard);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Loopback loopback = Loopback.keepAlive()) {
            CompletableFuture<Integer> listen = CompletableFuture.supplyAsync(() -> dev.parley.cli.Cli.run(
                    new String[] {"listen", "--config", config.toString(), "--seconds", "30"}, stdin,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!err.toString(StandardCharsets.UTF_8).contains("Listening") && System.nanoTime() < deadline) {
                assertThat(listen).as(err.toString(StandardCharsets.UTF_8)).isNotDone();
                Thread.sleep(50);
            }
            Thread.sleep(1200); // a second of silence: one level line
            new Speaker(null).play(WavFiles.readMono(Path.of("src/test/resources/audio/weather-48k-s16-stereo.wav")));
            Thread.sleep(500);
            keyboard.write("\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();

            assertThat(listen.get(10, TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
        String shown = err.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("Listening to the default microphone").contains("dBFS [")
                .contains("heard so far: what");
        assertThat(WordErrorRate.of("what is the weather like today", out.toString(StandardCharsets.UTF_8)))
                .as(out.toString(StandardCharsets.UTF_8)).isLessThanOrEqualTo(0.2);
    }
}
