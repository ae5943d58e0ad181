package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.echo.EchoCanceller;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The echo reference is what the device played, by the line's position, at the capture rate. */
class FarEndTapTest {

    private static final int RATE = EchoCanceller.SAMPLE_RATE;
    private static final long MS = 1_000_000L;

    private final List<float[]> reported = new ArrayList<>();

    @Test
    void reportsWhatWasPlayedResampledToTheCaptureRate() {
        FarEndTap tap = new FarEndTap(reported::add, 48_000, 2);
        byte[] stereo = stereo(new AudioClip(new float[4800], 48_000)); // 100 ms

        tap.written(stereo, 0, stereo.length);
        tap.playedUpTo(2400, true, 50 * MS);
        int afterHalf = total();
        tap.playedUpTo(4800, true, 100 * MS);

        // 50 ms, then 100 ms at 16 kHz, less the resampling filter's delay (under 3 ms)
        assertThat(afterHalf).isBetween(800 - 48, 800);
        assertThat(total()).isBetween(1600 - 48, 1600);
    }

    @Test
    void takesChannelZeroOfEachFrame() {
        FarEndTap tap = new FarEndTap(reported::add, RATE, 2);
        byte[] frames = {0x00, 0x40, 0x00, (byte) 0xC0, 0x00, 0x20, 0x00, 0x00}; // (0.5, -0.5), (0.25, 0)

        tap.written(frames, 0, frames.length);
        tap.playedUpTo(2, true, MS);

        assertThat(reported.getFirst()).containsExactly(0.5f, 0.25f);
    }

    @Test
    void aLineStartingReportsNothingUntilItsPositionMoves() {
        FarEndTap tap = new FarEndTap(reported::add, RATE, 1);
        tap.written(mono(ramp(3200)), 0, 6400); // 200 ms written at once, as a line starts

        tap.playedUpTo(0, true, 0);
        tap.playedUpTo(0, true, 40 * MS);
        assertThat(total()).isZero();

        tap.playedUpTo(480, true, 70 * MS);
        assertThat(all()).containsExactly(Arrays.copyOf(ramp(3200), 480));
    }

    @Test
    void aLineThatRanDryIsReportedAsSilenceForAsLongAsItWasDry() {
        FarEndTap tap = new FarEndTap(reported::add, RATE, 1);
        tap.written(mono(ramp(1600)), 0, 3200); // 100 ms
        tap.playedUpTo(1600, true, 100 * MS); // all played: the line is dry from here

        tap.playedUpTo(1600, true, 130 * MS);
        tap.playedUpTo(1600, true, 150 * MS);
        tap.written(mono(ramp(1600)), 0, 3200); // the synthesizer caught up
        tap.playedUpTo(1600, true, 170 * MS); // written, not started yet: still silence
        tap.playedUpTo(1600 + 160, true, 200 * MS); // 10 ms of it played, ending now

        float[] all = all();
        // 100 ms of audio, 90 ms of silence (100 ms dry less the 10 ms played), then the new audio
        assertThat(all).hasSize(1600 + 1440 + 160);
        assertThat(Arrays.copyOfRange(all, 1600, 1600 + 1440)).containsOnly(0f);
        assertThat(Arrays.copyOfRange(all, 3040, 3200)).containsExactly(Arrays.copyOf(ramp(1600), 160));
    }

    @Test
    void aSlowWriterIsFollowedAsTheDevicePlaysNotAsItWrites() {
        FarEndTap tap = new FarEndTap(reported::add, RATE, 1);
        float[] voice = ramp(800);
        long now = 0;
        int position = 0;
        for (int block = 0; block < 5; block++) { // 10 ms blocks, each played 10 ms after it was written
            tap.written(mono(Arrays.copyOfRange(voice, 160 * block, 160 * block + 160)), 0, 320);
            tap.playedUpTo(position, true, now);
            now += 10 * MS;
            position += 160;
        }
        tap.playedUpTo(position, true, now);

        assertThat(all()).containsExactly(voice);
    }

    @Test
    void whatAStopFlushedIsNeverReported() {
        FarEndTap tap = new FarEndTap(reported::add, RATE, 1);
        tap.written(mono(ramp(1600)), 0, 3200);
        tap.playedUpTo(320, true, 20 * MS);

        tap.flushed();
        tap.playedUpTo(0, false, 40 * MS); // a flushed line may report any position

        assertThat(total()).isEqualTo(320);
    }

    private float[] all() {
        float[] all = new float[total()];
        int at = 0;
        for (float[] samples : reported) {
            System.arraycopy(samples, 0, all, at, samples.length);
            at += samples.length;
        }
        return all;
    }

    private int total() {
        return reported.stream().mapToInt(samples -> samples.length).sum();
    }

    /** Distinct, exactly representable 16-bit values. */
    private static float[] ramp(int length) {
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (i % 1000 + 1) / 32768f;
        }
        return samples;
    }

    private static byte[] mono(float[] samples) {
        return new AudioClip(samples, RATE).toPcm16le();
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
