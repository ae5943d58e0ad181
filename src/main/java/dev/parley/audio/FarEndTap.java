package dev.parley.audio;

import dev.parley.audio.echo.EchoCanceller;
import dev.parley.audio.echo.EchoReference;
import java.util.ArrayDeque;

/**
 * Hands what an output line has played to an {@link EchoReference}: channel 0, resampled to the
 * capture rate, released as the line's frame position says the device consumed it, so the reference
 * is a copy of what the device played rather than of what was written. Written audio runs ahead of
 * the device by a varying amount (more while a line starts, none after the synthesizer fell behind),
 * and every change of that lead would shift the pairing of reference and echo that the canceller has
 * learnt; the position does not shift it.
 *
 * <p>Two gaps the position does not count are filled with silence: a line that ran dry plays
 * silence while its position stands still at what was written, so once it is dry, each moment that
 * passes is released as that much silence; and what a stop flushed was never played, so it is
 * dropped. Written by the writer thread, advanced by it or by the thread that stops the line.
 */
final class FarEndTap {

    private final EchoReference reference;
    private final int channels;
    private final int lineRate;
    private final StreamingResampler resampler;
    /** Channel 0 of the written blocks the device has not played yet, oldest first. */
    private final ArrayDeque<float[]> unplayed = new ArrayDeque<>();
    /** How much of the oldest unplayed block was already released. */
    private int releasedOfFirst;
    private long written;
    /** Line frames released (played ones, not the silence of a dry line). */
    private long released;
    /** Whether the line has played all that was written, so it plays silence. */
    private boolean dry;
    /** Since when the silence of a dry line was released ({@link System#nanoTime()}). */
    private long caughtUpNanos;

    FarEndTap(EchoReference reference, int lineRate, int channels) {
        this.reference = reference;
        this.channels = channels;
        this.lineRate = lineRate;
        this.resampler = new StreamingResampler(lineRate, EchoCanceller.SAMPLE_RATE);
    }

    /** {@code length} bytes of 16-bit little-endian frames were written from {@code pcm[offset]}. */
    synchronized void written(byte[] pcm, int offset, int length) {
        if (reference == EchoReference.NONE) {
            return;
        }
        int frames = length / (2 * channels);
        float[] channelZero = new float[frames];
        for (int frame = 0, at = offset; frame < frames; frame++, at += 2 * channels) {
            channelZero[frame] = (short) ((pcm[at] & 0xff) | (pcm[at + 1] << 8)) / 32768f;
        }
        if (frames > 0) {
            unplayed.add(channelZero);
            written += frames;
        }
    }

    /**
     * The line's frame position is {@code position} at {@code nanoTime}: releases what was played
     * up to it, and, when the line has played everything written while {@code running}, the silence
     * it has played since.
     */
    synchronized void playedUpTo(long position, boolean running, long nanoTime) {
        if (reference == EchoReference.NONE) {
            return;
        }
        long played = Math.min(position, written);
        if (played > released) {
            if (dry) {
                // It started again: it played silence until the new frames began, which ended now.
                long newFrames = played - released;
                emitSilence(framesSince(nanoTime) - newFrames);
            }
            release(played - released);
            caughtUpNanos = nanoTime;
            dry = false;
        } else if (dry) {
            long silent = framesSince(nanoTime);
            emitSilence(silent);
            caughtUpNanos += silent * 1_000_000_000L / lineRate;
        }
        if (running && released == written && !dry) {
            dry = true;
            caughtUpNanos = nanoTime;
        }
    }

    private long framesSince(long nanoTime) {
        return (nanoTime - caughtUpNanos) * lineRate / 1_000_000_000L;
    }

    private void emitSilence(long frames) {
        if (frames > 0) {
            emit(new float[(int) Math.min(frames, lineRate)]);
        }
    }

    /** The line was flushed: what it held will never be played. */
    synchronized void flushed() {
        unplayed.clear();
        releasedOfFirst = 0;
        released = written;
        dry = false;
    }

    private void release(long frames) {
        float[] out = new float[(int) frames];
        int at = 0;
        while (at < out.length) {
            float[] first = unplayed.peekFirst();
            int take = Math.min(first.length - releasedOfFirst, out.length - at);
            System.arraycopy(first, releasedOfFirst, out, at, take);
            at += take;
            releasedOfFirst += take;
            if (releasedOfFirst == first.length) {
                unplayed.pollFirst();
                releasedOfFirst = 0;
            }
        }
        released += frames;
        emit(out);
    }

    private void emit(float[] lineSamples) {
        float[] resampled = resampler.push(lineSamples);
        if (resampled.length > 0) {
            reference.played(resampled);
        }
    }
}
