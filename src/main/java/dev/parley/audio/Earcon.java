package dev.parley.audio;

/**
 * Short sounds made in code, so none ships as a file: the wake cue, two soft rising notes (a fifth
 * apart, 70 ms each), quiet enough not to startle and short enough not to cover the question.
 */
public final class Earcon {

    private static final double NOTE_SECONDS = 0.07;
    private static final double GAP_SECONDS = 0.03;
    /** Peak amplitude: about -14 dBFS, below speech at full volume. */
    private static final double PEAK = 0.2;

    private Earcon() {}

    /** "Listening": 660 Hz, then 990 Hz, each with a raised-cosine envelope (no clicks). */
    public static AudioClip wakeCue(int sampleRate) {
        int note = (int) (NOTE_SECONDS * sampleRate);
        int gap = (int) (GAP_SECONDS * sampleRate);
        float[] samples = new float[2 * note + gap];
        tone(samples, 0, note, 660, sampleRate);
        tone(samples, note + gap, note, 990, sampleRate);
        return new AudioClip(samples, sampleRate);
    }

    private static void tone(float[] into, int from, int length, double hertz, int sampleRate) {
        for (int i = 0; i < length; i++) {
            double envelope = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (length - 1));
            into[from + i] = (float) (PEAK * envelope * Math.sin(2 * Math.PI * hertz * i / sampleRate));
        }
    }
}
