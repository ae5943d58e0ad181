package dev.parley.usage;

import java.util.Arrays;

/**
 * p50 and p95 of a set of measurements (the benchmark's stages, the usage ledger's time to first
 * token), by the nearest-rank method (no interpolation: every value was observed).
 */
public record Percentiles(long p50, long p95) {

    public static Percentiles of(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(rank(sorted, 50), rank(sorted, 95));
    }

    private static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
