package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.echo.EchoCanceller;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The echo reference is what is written to the line, at the capture rate. */
class FarEndTapTest {

    private final List<float[]> reported = new ArrayList<>();

    @Test
    void reportsWhatIsWrittenResampledToTheCaptureRate() {
        FarEndTap tap = new FarEndTap(reported::add, 48_000, 2);
        byte[] stereo = stereo(new AudioClip(new float[4800], 48_000)); // 100 ms

        tap.written(stereo, 0, stereo.length / 2);
        int afterHalf = total();
        tap.written(stereo, stereo.length / 2, stereo.length / 2);

        // 50 ms, then 100 ms at 16 kHz, less the resampling filter's delay (under 3 ms)
        assertThat(afterHalf).isBetween(800 - 48, 800);
        assertThat(total()).isBetween(1600 - 48, 1600);
    }

    @Test
    void takesChannelZeroOfEachFrame() {
        FarEndTap tap = new FarEndTap(reported::add, EchoCanceller.SAMPLE_RATE, 2);
        byte[] frames = {0x00, 0x40, 0x00, (byte) 0xC0, 0x00, 0x20, 0x00, 0x00}; // (0.5, -0.5), (0.25, 0)

        tap.written(frames, 0, frames.length);

        assertThat(reported.getFirst()).containsExactly(0.5f, 0.25f);
    }

    private int total() {
        return reported.stream().mapToInt(samples -> samples.length).sum();
    }

    private static byte[] stereo(AudioClip clip) {
        byte[] mono = clip.toPcm16le();
        byte[] stereo = new byte[2 * mono.length];
        for (int i = 0; i < mono.length; i += 2) {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = mono[i + 1];
            stereo[2 * i + 2] = mono[i];
            stereo[2 * i + 3] = mono[i + 1];
        }
        return stereo;
    }
}
