package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.parley.audio.WavFiles;
import dev.parley.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --out -} in a real process: refused when standard output is a terminal (a pseudo-terminal
 * that util-linux's {@code script} gives the child), written when it is a pipe.
 */
@Tag("slow") // child JVMs
class AudioOnTerminalProcessTest {

    @TempDir
    Path folder;

    private String parley(Path config) {
        return "'" + ProcessHandle.current().info().command().orElse("java") + "' -Dparley.data.dir='" + folder
                + "/data' -Dparley.log.dir='" + folder + "/logs' -cp '" + System.getProperty("java.class.path")
                + "' dev.parley.Main say --config '" + config + "' --out - Hello.";
    }

    @Test
    void aDashIsRefusedOnATerminal() throws Exception {
        assumeThat(Path.of("/usr/bin/script")).as("util-linux script, for a terminal").exists();
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");
        Process say = new ProcessBuilder("/usr/bin/script", "-qec", parley(config), "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true).redirectOutput(folder.resolve("terminal.txt").toFile()).start();

        assertThat(say.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String shown = Files.readString(folder.resolve("terminal.txt"));

        assertThat(say.exitValue()).as(shown).isEqualTo(1);
        assertThat(shown).contains("parley: Not writing WAV audio to the terminal").doesNotContain("RIFF");
    }

    @Test
    void aDashIsWrittenToAPipe() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");
        Process say = new ProcessBuilder("sh", "-c", parley(config)).redirectError(folder.resolve("stderr.txt").toFile())
                .start(); // its standard output is a pipe to this test

        byte[] piped = say.getInputStream().readAllBytes();

        assertThat(say.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(say.exitValue()).as(Files.readString(folder.resolve("stderr.txt"))).isZero();
        assertThat(piped).startsWith("RIFF".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aDashIsWrittenToAFileItIsRedirectedTo() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");
        Path wav = folder.resolve("speech.wav");
        Process say = new ProcessBuilder("sh", "-c", parley(config)).redirectOutput(wav.toFile())
                .redirectError(folder.resolve("stderr.txt").toFile()).start();

        assertThat(say.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(say.exitValue()).as(Files.readString(folder.resolve("stderr.txt"))).isZero();
        assertThat(WavFiles.readMono(wav).durationSeconds()).isPositive();
    }
}
