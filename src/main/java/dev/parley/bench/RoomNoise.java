package dev.parley.bench;

import java.util.Random;

/**
 * The steady background of a room (a fan, traffic behind a window) and the speech levels it is set
 * against. The noise is white Gaussian noise through a one-pole low-pass (about −3 dB at 1 kHz, so
 * it rumbles more than it hisses), deterministic for a seed.
 */
public final class RoomNoise {

    private static final int FRAME = BenchSpeech.SAMPLE_RATE / 100;
    /** Frames this far below the loudest count as pauses, not speech, when measuring a speech level. */
    private static final double ACTIVE_RANGE_DB = 30;
    private static final double LOW_PASS = 0.67;

    private RoomNoise() {
    }

    /** {@code samples} of noise at {@code rmsDbfs}. */
    public static float[] of(int samples, double rmsDbfs, long seed) {
        Random random = new Random(seed);
        float[] noise = new float[samples];
        double state = 0;
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            state = LOW_PASS * state + (1 - LOW_PASS) * random.nextGaussian();
            noise[i] = (float) state;
            sum += state * state;
        }
        double gain = Math.pow(10, rmsDbfs / 20) / Math.sqrt(sum / Math.max(1, samples) + 1e-30);
        for (int i = 0; i < samples; i++) {
            noise[i] *= (float) gain;
        }
        return noise;
    }

    /**
     * The level of the speech in {@code samples}, in dBFS: the RMS over the 10 ms frames within 30 dB of
     * the loudest (pauses left out, roughly as ITU-T P.56's active speech level).
     */
    public static double activeLevelDb(float[] samples) {
        double[] power = framePowers(samples);
        double floor = activeFloor(power);
        double sum = 0;
        int active = 0;
        for (double p : power) {
            if (p >= floor && p > 0) {
                sum += p;
                active++;
            }
        }
        return active == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(sum / active);
    }

    /** Where speech starts in {@code samples}: the first 10 ms frame within 30 dB of the loudest (a sample index). */
    public static int speechOnset(float[] samples) {
        double[] power = framePowers(samples);
        double floor = activeFloor(power);
        for (int f = 0; f < power.length; f++) {
            if (power[f] >= floor && power[f] > 0) {
                return f * FRAME;
            }
        }
        return 0;
    }

    private static double[] framePowers(float[] samples) {
        double[] power = new double[samples.length / FRAME];
        for (int f = 0; f < power.length; f++) {
            double sum = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
                sum += samples[i] * (double) samples[i];
            }
            power[f] = sum / FRAME;
        }
        return power;
    }

    private static double activeFloor(double[] power) {
        double loudest = 0;
        for (double p : power) {
            loudest = Math.max(loudest, p);
        }
        return loudest * Math.pow(10, -ACTIVE_RANGE_DB / 10);
    }

    /** {@code samples} scaled so that their active level is {@code levelDbfs}; a new array. */
    public static float[] atLevel(float[] samples, double levelDbfs) {
        double gain = Math.pow(10, (levelDbfs - activeLevelDb(samples)) / 20);
        float[] scaled = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            scaled[i] = (float) (samples[i] * gain);
        }
        return scaled;
    }

    /** Adds {@code clip} into {@code mix} from {@code at}, as far as {@code mix} reaches. */
    public static void addInto(float[] mix, int at, float[] clip) {
        for (int i = 0; i < clip.length && at + i < mix.length; i++) {
            mix[at + i] += clip[i];
        }
    }
}
