package dev.parley.audio;

import dev.parley.audio.echo.EchoCanceller;
import dev.parley.audio.echo.EchoReference;

/**
 * Hands what is written to an output line to an {@link EchoReference}: channel 0 of each block,
 * resampled to the capture rate, in the order written.
 *
 * <p>Why at write time and not when the line's frame position says it was played: a canceller can only
 * remove an echo whose reference it got first. Through ALSA's PulseAudio plugin the reported position
 * lags what the sound server has already played, so the echo reached the microphone 20-60 ms before
 * its reference (measured on the null sink), and the lag grew in steps; written audio is at most the
 * playback lead ahead of the device, a bounded delay that the canceller estimates. Writer thread only.
 */
final class FarEndTap {

    private final EchoReference reference;
    private final int channels;
    private final StreamingResampler resampler;

    FarEndTap(EchoReference reference, int lineRate, int channels) {
        this.reference = reference;
        this.channels = channels;
        this.resampler = new StreamingResampler(lineRate, EchoCanceller.SAMPLE_RATE);
    }

    /** The line ran dry: see {@link EchoReference#ranDry()}. */
    void ranDry() {
        reference.ranDry();
    }

    /** {@code length} bytes of 16-bit little-endian frames were written from {@code pcm[offset]}. */
    void written(byte[] pcm, int offset, int length) {
        if (reference == EchoReference.NONE) {
            return;
        }
        int frames = length / (2 * channels);
        float[] channelZero = new float[frames];
        for (int frame = 0, at = offset; frame < frames; frame++, at += 2 * channels) {
            channelZero[frame] = Pcm16.level(pcm, at);
        }
        float[] resampled = resampler.push(channelZero);
        if (resampled.length > 0) {
            reference.played(resampled);
        }
    }
}
