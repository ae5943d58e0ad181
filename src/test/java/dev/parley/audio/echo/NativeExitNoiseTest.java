package dev.parley.audio.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A process that used the WebRTC canceller ends with nothing after its own output: webrtc-java's
 * native exit lines ("VM attach current thread failed") would follow it on standard output.
 */
@Tag("real")
class NativeExitNoiseTest {

    /** Runs a canceller over one frame, prints one JSON line and exits as {@code dev.parley.Main} does. */
    public static final class Probe {
        public static void main(String[] args) {
            try (EchoCanceller canceller = EchoCancellers.create(new EchoOptions(true, false, false, true))) {
                float[] frame = new float[EchoCanceller.FRAME_SAMPLES];
                canceller.process(frame, frame);
            }
            System.out.println("{\"ok\":true}");
            if (args.length > 0 && args[0].equals("silence")) {
                NativeExitNoise.silenceBeforeExit();
            }
            System.exit(0);
        }
    }

    private static String run(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Probe.class.getName(), mode)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    @Test
    void withTheNoiseSilencedTheOutputEndsWithParleysOwnLine() throws Exception {
        assertThat(run("silence")).isEqualTo("{\"ok\":true}\n");
    }

    @Test
    void withoutItTheLibrarySaysItsLastWords() throws Exception {
        // What the silencing is for; if webrtc-java stops printing these, NativeExitNoise can go.
        assertThat(run("loud")).startsWith("{\"ok\":true}\n").contains("attach");
    }
}
