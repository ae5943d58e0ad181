package dev.parley.audio.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Where the build carries no native library for the platform, the real loader fails and Parley goes on
 * half duplex with one clear message, in a JVM of its own (the library, once loaded, stays loaded).
 */
@Tag("slow") // starts a JVM
class NativeLibraryFallbackTest {

    @Test
    void onAPlatformWithoutANativeLibraryItSaysSoAndPassesTheMicrophoneThrough() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Dos.arch=aarch64",
                "--enable-native-access=ALL-UNNAMED", "-Dparley.log.dir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), EchoCancellerProbe.class.getName())).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        assertThat(out).as(err).contains("cancels echo: false; first sample: 0.5");
        assertThat(err).contains("Echo cancellation is unavailable on Linux aarch64")
                .contains("Linux x86-64 only").contains("half duplex");
        assertThat(err.lines().filter(line -> line.contains("Echo cancellation is unavailable"))).hasSize(1);
    }
}
