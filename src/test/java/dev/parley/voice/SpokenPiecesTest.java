package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.Playback.Position;
import org.junit.jupiter.api.Test;

class SpokenPiecesTest {

    private final SpokenPieces pieces = new SpokenPieces();

    SpokenPiecesTest() {
        // Chunk 0 in two pieces of 100 samples, chunk 1 in one piece of 200.
        pieces.piece(0, 100);
        pieces.piece(0, 100);
        pieces.chunkDone(0, "one two three four");
        pieces.piece(1, 200);
        pieces.chunkDone(1, "five six");
    }

    @Test
    void aPositionInAPieceIsAPositionInItsChunk() {
        assertThat(pieces.heard(new Position(0, 0.0))).isEmpty();
        assertThat(pieces.heard(new Position(1, 0.0))).isEqualTo("one two");
        assertThat(pieces.heard(new Position(1, 0.99))).isEqualTo("one two three");
        assertThat(pieces.heard(new Position(2, 0.6))).isEqualTo("one two three four five");
        assertThat(pieces.heard(new Position(3, 0.0))).isEqualTo("one two three four five six");
    }

    @Test
    void aChunkCountsAsHeardWhenItsLastPieceHasPlayed() {
        assertThat(pieces.heardAfter(0)).isNull();
        assertThat(pieces.heardAfter(1)).isEqualTo("one two three four");
        assertThat(pieces.heardAfter(2)).isEqualTo("one two three four five six");
    }
}
