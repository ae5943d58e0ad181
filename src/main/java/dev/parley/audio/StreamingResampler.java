package dev.parley.audio;

import java.util.Arrays;

/**
 * {@link Resampler} for audio that arrives in pieces: each {@link #push} returns every output sample
 * whose filter taps the input so far covers. The output equals resampling the whole stream at once,
 * delayed by half the filter (under 3 ms for 48 or 44.1 → 16 kHz). Not thread-safe: one producer.
 */
public final class StreamingResampler {

    private final PolyphaseFilter filter;
    /** Input not yet consumed; {@code pending[0]} is input sample number {@code pendingStart}. */
    private float[] pending = new float[0];
    private long pendingStart;
    private long nextOutput;

    public StreamingResampler(int inputRate, int outputRate) {
        this.filter = inputRate == outputRate ? null : PolyphaseFilter.forRates(inputRate, outputRate);
    }

    /** The output that {@code input} (following all earlier input) completes; may be empty. */
    public float[] push(float[] input) {
        if (filter == null) {
            return input;
        }
        float[] joined = Arrays.copyOf(pending, pending.length + input.length);
        System.arraycopy(input, 0, joined, pending.length, input.length);
        long inputEnd = pendingStart + joined.length;
        long outputEnd = nextOutput;
        while (filter.lastInputNeeded(outputEnd) < inputEnd) {
            outputEnd++;
        }
        float[] output = new float[(int) (outputEnd - nextOutput)];
        for (int i = 0; i < output.length; i++) {
            output[i] = filter.outputAt(nextOutput + i, joined, pendingStart);
        }
        nextOutput = outputEnd;
        int keepFrom = (int) Math.max(0, filter.firstInputNeeded(nextOutput) - pendingStart);
        pending = Arrays.copyOfRange(joined, Math.min(keepFrom, joined.length), joined.length);
        pendingStart += Math.min(keepFrom, joined.length);
        return output;
    }
}
