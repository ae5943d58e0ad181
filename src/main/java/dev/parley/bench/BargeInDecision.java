package dev.parley.bench;

/**
 * The barge-in decision under measurement, fed exactly what the live capture path has while Parley
 * speaks: each block of the echo-cancelled microphone and the recognizer's partial transcript after
 * it. One instance per answer being played (it starts unaware, as a fresh answer does).
 */
public interface BargeInDecision {

    /** Whether, after this block, the user is talking over Parley: playback stops when this says so. */
    boolean accept(float[] cancelledBlock, String partial);
}
