package dev.parley.voice;

import dev.parley.audio.Playback;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which chunk of an answer each piece of played audio belongs to, so a playback position (a piece
 * and how much of it played) says which words were heard. Pieces arrive in order, chunk by chunk;
 * a chunk's text is known once all of its pieces are in. Thread-safe.
 */
final class SpokenPieces {

    private final List<Integer> pieceChunk = new ArrayList<>();
    private final List<Integer> pieceSamples = new ArrayList<>();
    private final List<String> chunkTexts = new ArrayList<>();
    private final Map<Integer, Integer> lastPieceOfChunk = new HashMap<>();

    synchronized void piece(int chunk, int samples) {
        pieceChunk.add(chunk);
        pieceSamples.add(samples);
    }

    /** All of chunk {@code chunk}'s pieces are in; it says {@code text}. Chunks complete in order. */
    synchronized void chunkDone(int chunk, String text) {
        chunkTexts.add(text);
        lastPieceOfChunk.put(chunk, pieceChunk.lastIndexOf(chunk));
    }

    /** The words heard when playback reached {@code position} (in pieces). */
    synchronized String heard(Playback.Position position) {
        if (position.clip() >= pieceChunk.size()) {
            return HeardText.of(chunkTexts, new Playback.Position(chunkTexts.size(), 0));
        }
        int chunk = pieceChunk.get(position.clip());
        long before = 0;
        long total = 0;
        for (int i = 0; i < pieceChunk.size(); i++) {
            if (pieceChunk.get(i) == chunk) {
                if (i < position.clip()) {
                    before += pieceSamples.get(i);
                }
                total += pieceSamples.get(i);
            }
        }
        double into = before + position.fraction() * pieceSamples.get(position.clip());
        return HeardText.of(chunkTexts, new Playback.Position(chunk, total == 0 ? 0 : into / total));
    }

    /** The words heard once piece {@code piece} has played, if it ended a chunk; else null. */
    synchronized String heardAfter(int piece) {
        Integer chunk = pieceChunk.size() > piece ? pieceChunk.get(piece) : null;
        if (chunk == null || !Integer.valueOf(piece).equals(lastPieceOfChunk.get(chunk))) {
            return null;
        }
        return HeardText.of(chunkTexts, new Playback.Position(chunk + 1, 0));
    }
}
