package dev.parley.pipeline;

import dev.parley.audio.AudioClip;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every piece of a turn's speech, in order, to be written as one file afterwards
 * ({@code parley turn --out}). "Heard" is everything given, since nothing is played.
 */
public final class WavSink implements SpeechSink {

    private final int sampleRate;
    private final List<AudioClip> pieces = new ArrayList<>();
    private final StringBuilder said = new StringBuilder();

    public WavSink(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    @Override
    public synchronized void piece(int chunk, AudioClip piece) {
        pieces.add(piece);
    }

    @Override
    public synchronized void chunkDone(int chunk, String text) {
        if (!text.isBlank()) {
            said.append(said.isEmpty() ? "" : " ").append(text);
        }
    }

    @Override
    public void finish() {
        // Everything is in memory already.
    }

    @Override
    public synchronized String silence() {
        return said.toString();
    }

    /** The speech so far as one clip. */
    public synchronized AudioClip audio() {
        return AudioClip.concat(pieces, sampleRate);
    }
}
