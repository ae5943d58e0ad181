package dev.parley.audio;

import java.util.OptionalDouble;

/**
 * Levels in dBFS (0 dB is full scale) and the one scale every level meter shows. An instance reads a
 * stream of samples once per window: the RMS relative to full scale, so a full-scale square wave is
 * 0 dB and a full-scale sine -3 dB. Digital silence reads {@link #SILENCE_DB} rather than minus
 * infinity. An instance is not thread-safe: one producer.
 */
public final class LevelMeter {

    /** What digital silence (and anything quieter) reads. */
    public static final double SILENCE_DB = -100;
    /** A meter's empty end: quieter than this is silence for a microphone test (a muted or missing microphone). */
    public static final double METER_FLOOR_DB = -60;
    /** A voice at a normal distance from a working microphone is louder than this. */
    public static final double SPEECH_DB = -45;

    private final int windowSamples;
    private double sumOfSquares;
    private int count;

    /** @param windowSamples samples per reading: 800 at 16 kHz gives 20 readings a second */
    public LevelMeter(int windowSamples) {
        if (windowSamples <= 0) {
            throw new IllegalArgumentException("window must hold at least one sample, was " + windowSamples);
        }
        this.windowSamples = windowSamples;
    }

    /** Adds samples; returns the level of the window they complete, if any (the latest, if several). */
    public OptionalDouble add(float[] samples) {
        OptionalDouble reading = OptionalDouble.empty();
        for (float sample : samples) {
            sumOfSquares += sample * (double) sample;
            if (++count == windowSamples) {
                reading = OptionalDouble.of(dbfs(Math.sqrt(sumOfSquares / count)));
                sumOfSquares = 0;
                count = 0;
            }
        }
        return reading;
    }

    /** An amplitude (RMS or peak, full scale 1.0) in dBFS, never below {@link #SILENCE_DB}. */
    public static double dbfs(double amplitude) {
        return amplitude <= 0 ? SILENCE_DB : Math.max(SILENCE_DB, 20 * Math.log10(amplitude));
    }

    /** The loudest sample of {@code samples[from..to)} in dBFS. */
    public static double peakDbfs(float[] samples, int from, int to) {
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return dbfs(peak);
    }

    /** How full a meter is: 0 at or below {@link #METER_FLOOR_DB}, 1 at full scale, linear in dB between. */
    public static double meterLevel(double dbfs) {
        return Math.clamp((dbfs - METER_FLOOR_DB) / -METER_FLOOR_DB, 0.0, 1.0);
    }

    /** How many of a text meter's {@code width} cells are filled. */
    public static int meterCells(double dbfs, int width) {
        return (int) Math.round(meterLevel(dbfs) * width);
    }
}
