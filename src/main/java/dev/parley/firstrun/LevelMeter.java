package dev.parley.firstrun;

/**
 * Loudness of a block of samples, for the microphone check's level meter: RMS and peak in dBFS
 * (0 dB is full scale) and a 0..1 level spread over the usual speech range (-60 dB .. 0 dB).
 */
public final class LevelMeter {

    /** Quieter than this reads as silence: a muted or missing microphone. */
    public static final double FLOOR_DBFS = -60.0;
    /** A voice at a normal distance from a working microphone is louder than this. */
    public static final double SPEECH_DBFS = -45.0;

    private LevelMeter() {}

    public static double rmsDbfs(float[] samples, int from, int to) {
        if (to <= from) {
            return FLOOR_DBFS;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return toDbfs(Math.sqrt(sum / (to - from)));
    }

    public static double peakDbfs(float[] samples, int from, int to) {
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return toDbfs(peak);
    }

    static double toDbfs(double amplitude) {
        return amplitude <= 0 ? FLOOR_DBFS : Math.max(FLOOR_DBFS, 20 * Math.log10(amplitude));
    }

    /** 0 at or below {@link #FLOOR_DBFS}, 1 at full scale: what a meter bar shows. */
    public static double level(double dbfs) {
        return Math.clamp((dbfs - FLOOR_DBFS) / -FLOOR_DBFS, 0.0, 1.0);
    }

    /** A text meter for the terminal, e.g. {@code [#######.............] -32 dB}. */
    public static String bar(double dbfs, int width) {
        int filled = (int) Math.round(level(dbfs) * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + Math.round(dbfs) + " dB";
    }
}
