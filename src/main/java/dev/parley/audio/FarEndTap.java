package dev.parley.audio;

import dev.parley.audio.echo.EchoCanceller;
import dev.parley.audio.echo.EchoReference;
import java.util.Arrays;

/**
 * Hands what an output line has actually played to an {@link EchoReference}: the writer reports what
 * it wrote, and each time the line's frame position advances, the frames up to it leave here
 * (channel 0, resampled to the capture rate). Audio written but flushed by a stop never counts as
 * played. Writer thread only.
 */
final class FarEndTap {

    private final EchoReference reference;
    private final int channels;
    private final StreamingResampler resampler;
    /** Written, not yet played, at the line's rate; {@code pending[0]} is line frame {@code pendingStart}. */
    private float[] pending = new float[0];
    private int pendingLength;
    private long pendingStart;

    FarEndTap(EchoReference reference, int lineRate, int channels) {
        this.reference = reference;
        this.channels = channels;
        this.resampler = new StreamingResampler(lineRate, EchoCanceller.SAMPLE_RATE);
    }

    /** {@code length} bytes of 16-bit little-endian frames were written from {@code pcm[offset]}. */
    void written(byte[] pcm, int offset, int length) {
        if (reference == EchoReference.NONE) {
            return;
        }
        int frames = length / (2 * channels);
        if (pending.length < pendingLength + frames) {
            pending = Arrays.copyOf(pending, Math.max(2 * pending.length, pendingLength + frames));
        }
        for (int frame = 0, at = offset; frame < frames; frame++, at += 2 * channels) {
            pending[pendingLength++] = (short) ((pcm[at] & 0xff) | (pcm[at + 1] << 8)) / 32768f;
        }
    }

    /** The line reports {@code framePosition} frames played since it opened. */
    void playedUpTo(long framePosition) {
        int count = (int) Math.min(pendingLength, framePosition - pendingStart);
        if (count <= 0) {
            return;
        }
        float[] played = Arrays.copyOf(pending, count);
        System.arraycopy(pending, count, pending, 0, pendingLength - count);
        pendingLength -= count;
        pendingStart += count;
        float[] resampled = resampler.push(played);
        if (resampled.length > 0) {
            reference.played(resampled);
        }
    }
}
