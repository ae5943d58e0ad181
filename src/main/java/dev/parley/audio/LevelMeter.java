package dev.parley.audio;

import java.util.OptionalDouble;

/**
 * The level of a stream of samples in dBFS, one value per window: the RMS relative to full scale, so a
 * full-scale square wave is 0 dB and a full-scale sine -3 dB. Digital silence reads {@link #SILENCE_DB}
 * rather than minus infinity. Not thread-safe: one producer.
 */
public final class LevelMeter {

    /** What digital silence (and anything quieter) reads. */
    public static final double SILENCE_DB = -100;

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

    /** An RMS amplitude in dBFS, never below {@link #SILENCE_DB}. */
    public static double dbfs(double rms) {
        return rms <= 0 ? SILENCE_DB : Math.max(SILENCE_DB, 20 * Math.log10(rms));
    }
}
