package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.WavFiles;
import dev.parley.testing.CliRun;
import dev.parley.testing.TestConfigs;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SayCommandTest {

    @TempDir
    Path folder;

    @Test
    @Tag("real")
    void writesTheSpeechToAWavFile() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");
        Path out = folder.resolve("hello.wav");

        CliRun run = CliRun.of("say", "--config", config.toString(), "--out", out.toString(), "Hello", "world.");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var clip = WavFiles.readMono(out);
        assertThat(clip.sampleRate()).isEqualTo(48_000);
        assertThat(clip.durationSeconds()).isBetween(0.5, 3.0);
    }

    @Test
    @Tag("real")
    void aDashWritesTheWavToStandardOutputNotToAFileNamedDash() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");
        Path dash = Path.of("-");
        assertThat(dash).doesNotExist();

        CliRun.Binary run = CliRun.withBinaryOutput("say", "--config", config.toString(), "--out", "-", "Hello.");

        try {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(dash).as("a file named - in the working folder").doesNotExist();
            var clip = WavFiles.readMono(new ByteArrayInputStream(run.out()), "standard output");
            assertThat(clip.sampleRate()).isEqualTo(48_000);
            assertThat(clip.durationSeconds()).isBetween(0.3, 3.0);
        } finally {
            Files.deleteIfExists(dash);
        }
    }

    @Test
    void aDashWhenStandardOutputIsATerminalIsRefusedWithTheWayOut() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");

        CliRun.Binary run = CliRun.onTerminal("say", "--config", config.toString(), "--out", "-", "Hello.");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("parley: Not writing WAV audio to the terminal (--out -): pipe it to a"
                + " player or a file (| aplay, > speech.wav), or give a file name (--out speech.wav).\n");
    }

    @Test
    @Tag("real")
    void aFileIsWrittenThoughStandardOutputIsATerminal() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");
        Path wav = folder.resolve("hello.wav");

        CliRun.Binary run = CliRun.onTerminal("say", "--config", config.toString(), "--out", wav.toString(), "Hello.");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(WavFiles.readMono(wav).durationSeconds()).isBetween(0.3, 3.0);
    }

    @Test
    @Tag("real")
    void aFileThatCannotBeWrittenIsSaidInASentenceNotAsAnUnexpectedError() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");
        Path out = java.nio.file.Files.createSymbolicLink(folder.resolve("nowhere.wav"),
                folder.resolve("missing-folder/speech.wav"));

        CliRun run = CliRun.of("say", "--config", config.toString(), "--out", out.toString(), "Hello.");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Cannot write " + out).doesNotContain("unexpected error");
    }

    @Test
    @Tag("audio")
    void playsOnTheDefaultDeviceWhenNoFileIsGiven() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Boolean.getBoolean("parley.requireAudio") || !dev.parley.audio.Speaker.outputDeviceNames().isEmpty(),
                "no audio output device on this machine");
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");

        CliRun run = CliRun.of("say", "--config", config.toString(), "Testing.");

        assertThat(run.exitCode()).as(run.err()).isZero();
    }
}
