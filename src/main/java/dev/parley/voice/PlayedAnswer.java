package dev.parley.voice;

import dev.parley.audio.AudioClip;
import dev.parley.audio.Playback;
import dev.parley.pipeline.SpeechSink;

/**
 * A sink that plays an answer and knows which words were heard: it notes which chunk each piece
 * belongs to, hands the piece to the player, and on {@link #silence()} turns the player's position
 * into words. Pieces that arrive after the silence (a chunk that finished synthesizing after a
 * barge-in) are never played.
 */
abstract class PlayedAnswer implements SpeechSink {

    protected final SpokenPieces pieces = new SpokenPieces();
    private String heardWhenSilenced;

    /** Queues {@code piece} to play after the ones before it. */
    protected abstract void play(AudioClip piece);

    /** Stops playing at once; where it got. */
    protected abstract Playback.Position stopPlaying();

    @Override
    public final synchronized void piece(int chunk, AudioClip piece) {
        if (heardWhenSilenced == null) {
            pieces.piece(chunk, piece.samples().length);
            play(piece);
        }
    }

    @Override
    public final synchronized void chunkDone(int chunk, String text) {
        if (heardWhenSilenced == null) {
            pieces.chunkDone(chunk, text);
        }
    }

    @Override
    public final synchronized String silence() {
        if (heardWhenSilenced == null) {
            heardWhenSilenced = pieces.heard(stopPlaying());
        }
        return heardWhenSilenced;
    }

    /**
     * Throws if the answer was silenced: called once the player is done, so a stopped answer counts
     * as not delivered whole.
     */
    protected final synchronized void failIfSilenced() throws InterruptedException {
        if (heardWhenSilenced != null) {
            throw new InterruptedException("The answer was silenced");
        }
    }
}
