package dev.parley.audio;

/**
 * Signed 16-bit little-endian PCM, the format of every line Parley opens and of most WAV files: one
 * place that reads a sample out of a byte buffer or writes one into it, for the microphone, the
 * speakers, the echo canceller and WAV decoding alike.
 */
public final class Pcm16 {

    /** Full scale: a sample divided by this lies in [-1, 1). */
    public static final float FULL_SCALE = 32768f;

    private Pcm16() {}

    /** The sample whose low byte is at {@code at}. */
    public static short sample(byte[] pcm, int at) {
        return (short) ((pcm[at] & 0xff) | (pcm[at + 1] << 8));
    }

    /** The sample at {@code at} as a level in [-1, 1). */
    public static float level(byte[] pcm, int at) {
        return sample(pcm, at) / FULL_SCALE;
    }

    /** Writes {@code sample}'s low 16 bits at {@code at}, low byte first. */
    public static void put(byte[] pcm, int at, int sample) {
        pcm[at] = (byte) sample;
        pcm[at + 1] = (byte) (sample >> 8);
    }

    /** Writes {@code level} at {@code at}, clipped to [-1, 1] and scaled by 32767 so +1 does not wrap. */
    public static void putLevel(byte[] pcm, int at, float level) {
        put(pcm, at, Math.round(Math.max(-1f, Math.min(1f, level)) * 32767f));
    }
}
