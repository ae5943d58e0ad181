package dev.parley.audio;

/**
 * The last few hundred milliseconds of capture, always kept, so a recording started by a key press
 * still begins with the word spoken as the key went down. A ring of samples; not thread-safe (the
 * {@link Microphone} guards it).
 */
final class PreRoll {

    private final float[] ring;
    private int next;
    private boolean full;

    PreRoll(int samples) {
        this.ring = new float[samples];
    }

    void add(float[] samples) {
        if (ring.length == 0) {
            return;
        }
        // Only the newest ring.length samples can survive; skip the rest.
        int from = Math.max(0, samples.length - ring.length);
        for (int i = from; i < samples.length; i++) {
            ring[next] = samples[i];
            if (++next == ring.length) {
                next = 0;
                full = true;
            }
        }
        if (samples.length >= ring.length) {
            full = true;
        }
    }

    /** What the ring holds, oldest first: up to its capacity, less right after the microphone opened. */
    float[] snapshot() {
        if (!full) {
            float[] partial = new float[next];
            System.arraycopy(ring, 0, partial, 0, next);
            return partial;
        }
        float[] ordered = new float[ring.length];
        System.arraycopy(ring, next, ordered, 0, ring.length - next);
        System.arraycopy(ring, 0, ordered, ring.length - next, next);
        return ordered;
    }
}
