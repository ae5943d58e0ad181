package dev.parley.pipeline;

import dev.parley.audio.AudioClip;

/**
 * Where a turn's speech goes, piece by piece as the voice makes it: the speaker (the voice loop), a
 * WAV file ({@code parley turn}), or nowhere. Audio travels only here, never on the event stream, so
 * nothing renders or joins audio it does not use.
 *
 * <p>Pieces arrive in order on the runner's synthesis thread; {@link #silence()} may come from any
 * thread at any time (a barge-in) and wins over pieces still arriving.
 */
public interface SpeechSink {

    /**
     * Waits while enough speech is queued ahead of what is heard; called on the synthesis thread before
     * each chunk is synthesized, outside the voice, which holds its lock while it hands out pieces (a
     * save's {@link dev.parley.tts.SpeechSynthesizer#tune} would wait with it). Returns once the sink
     * is silenced or over; by default at once.
     *
     * @throws InterruptedException when the synthesis thread is stopped (Parley closes)
     */
    default void awaitRoom() throws InterruptedException {}

    /** A piece of chunk {@code chunk}'s speech (0-based), as soon as it exists. */
    void piece(int chunk, AudioClip piece);

    /** All of chunk {@code chunk}'s pieces were given; it says {@code text}. Chunks complete in order. */
    void chunkDone(int chunk, String text);

    /**
     * No more speech comes: returns once everything given was delivered (played to its end, written).
     *
     * @throws InterruptedException when the turn is cancelled while waiting, or the sink was
     *     silenced before the end (the answer was not delivered whole)
     */
    void finish() throws InterruptedException;

    /** Stops at once and drops what was not delivered; returns the words delivered so far. Idempotent. */
    String silence();
}
