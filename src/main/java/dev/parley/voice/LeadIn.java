package dev.parley.voice;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The last blocks of audio heard before speech was detected: the detector confirms speech some way
 * into it, so a recognizer started then gets these first and hears the first word whole. Keeps whole
 * blocks, at least {@code samples} of them once that much arrived. One thread.
 */
final class LeadIn {

    private final int samples;
    private final Deque<float[]> blocks = new ArrayDeque<>();
    private int held;

    LeadIn(int samples) {
        this.samples = samples;
    }

    void add(float[] block) {
        blocks.addLast(block);
        held += block.length;
        while (blocks.size() > 1 && held - blocks.peekFirst().length >= samples) {
            held -= blocks.pollFirst().length;
        }
    }

    /** Gives every block kept to {@code consumer}, oldest first; they stay kept. */
    void replayTo(Consumer<float[]> consumer) {
        blocks.forEach(consumer);
    }

    void clear() {
        blocks.clear();
        held = 0;
    }
}
