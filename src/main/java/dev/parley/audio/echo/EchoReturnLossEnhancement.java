package dev.parley.audio.echo;

import java.util.Arrays;

/**
 * Echo return loss enhancement (ERLE): how much quieter the echo is after cancellation, in dB, per
 * segment of audio where only the echo is present. WebRTC's own statistics are unreliable through the
 * binding (placeholder values), so Parley measures it from the signals: the microphone signal going in
 * and the cancelled signal coming out, sample-aligned.
 *
 * @param segmentsDb ERLE of each echo-only segment that carried echo, in time order
 */
public record EchoReturnLossEnhancement(double[] segmentsDb) {

    /** 100 ms: long enough to average over a syllable, short enough to see convergence. */
    public static final int DEFAULT_SEGMENT_SAMPLES = EchoCanceller.SAMPLE_RATE / 10;
    /** Segments quieter than this going in hold no echo worth measuring (pauses between words). */
    public static final double DEFAULT_ACTIVE_FLOOR_DBFS = -50;
    /** Where a segment comes out as digital silence: reported as this, not as infinity. */
    public static final double MAX_DB = 80;

    /**
     * Measures {@code echoOut} against {@code echoIn} over the samples both have, segment by segment,
     * keeping only segments whose input is above {@code activeFloorDbfs}.
     */
    public static EchoReturnLossEnhancement measure(float[] echoIn, float[] echoOut, int segmentSamples,
            double activeFloorDbfs) {
        int length = Math.min(echoIn.length, echoOut.length);
        double[] values = new double[length / segmentSamples];
        int count = 0;
        double floorPower = Math.pow(10, activeFloorDbfs / 10);
        for (int start = 0; start + segmentSamples <= length; start += segmentSamples) {
            double in = meanSquare(echoIn, start, segmentSamples);
            if (in < floorPower) {
                continue;
            }
            double out = meanSquare(echoOut, start, segmentSamples);
            values[count++] = Math.min(MAX_DB, 10 * Math.log10(in / Math.max(out, 1e-30)));
        }
        return new EchoReturnLossEnhancement(Arrays.copyOf(values, count));
    }

    /** {@link #measure} with 100 ms segments and a -50 dBFS floor. */
    public static EchoReturnLossEnhancement measure(float[] echoIn, float[] echoOut) {
        return measure(echoIn, echoOut, DEFAULT_SEGMENT_SAMPLES, DEFAULT_ACTIVE_FLOOR_DBFS);
    }

    /** The ERLE this segment or better (p50: the median); by nearest rank. */
    public double percentile(int percent) {
        if (segmentsDb.length == 0) {
            throw new IllegalStateException("no segment carried echo");
        }
        double[] sorted = segmentsDb.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    public double p50() {
        return percentile(50);
    }

    /** The bad tail: 90 % of the echo segments were cancelled at least this well. */
    public double p10() {
        return percentile(10);
    }

    private static double meanSquare(float[] samples, int start, int count) {
        double sum = 0;
        for (int i = start; i < start + count; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return sum / count;
    }
}
