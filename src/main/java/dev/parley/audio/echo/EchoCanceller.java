package dev.parley.audio.echo;

import java.util.Arrays;

/**
 * Removes Parley's own voice from the microphone signal, 10 ms at a time: each call pairs what was
 * played during those 10 ms (the far end) with what the microphone captured (the near end), both at
 * 16 kHz, the rate of the whole capture path. The canceller estimates the delay between the two
 * itself. Not thread-safe: one caller (see {@link LiveEchoCancellation} for the live, two-thread case).
 */
public interface EchoCanceller extends AutoCloseable {

    /** The capture path's rate (the recognizer's), at which both ends arrive. */
    int SAMPLE_RATE = 16_000;
    /** 10 ms: the unit the WebRTC audio processing module works in. */
    int FRAME_SAMPLES = SAMPLE_RATE / 100;

    /**
     * Returns the near-end frame with the echo of the far end removed (and noise suppression, gain and
     * the high-pass filter applied if they are on). Both frames hold {@link #FRAME_SAMPLES} samples in
     * [-1, 1]; the returned array is new.
     */
    float[] process(float[] farEnd, float[] nearEnd);

    /**
     * Processes two whole recordings frame by frame (benchmarks, tests): {@code farEnd} is padded
     * with silence where it is shorter; the result covers the whole frames of {@code nearEnd}.
     */
    default float[] processAll(float[] farEnd, float[] nearEnd) {
        int frames = nearEnd.length / FRAME_SAMPLES;
        float[] out = new float[frames * FRAME_SAMPLES];
        float[] far = new float[FRAME_SAMPLES];
        float[] near = new float[FRAME_SAMPLES];
        for (int frame = 0, at = 0; frame < frames; frame++, at += FRAME_SAMPLES) {
            Arrays.fill(far, 0);
            if (at < farEnd.length) {
                System.arraycopy(farEnd, at, far, 0, Math.min(FRAME_SAMPLES, farEnd.length - at));
            }
            System.arraycopy(nearEnd, at, near, 0, FRAME_SAMPLES);
            System.arraycopy(process(far, near), 0, out, at, FRAME_SAMPLES);
        }
        return out;
    }

    /** Whether echo is actually removed; false for the pass-through, which leaves half duplex in place. */
    boolean cancelsEcho();

    /** For logs and the benchmark: "WebRTC AEC3 + high-pass filter", "off". */
    String description();

    @Override
    void close();
}
