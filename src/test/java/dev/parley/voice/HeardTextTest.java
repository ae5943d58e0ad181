package dev.parley.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.audio.Playback.Position;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeardTextTest {

    private static final List<String> CHUNKS = List.of("It is sunny today.", "The high will be twenty degrees.",
            "Enjoy it.");

    @ParameterizedTest(name = "clip {0} at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | 0.0  | ''
            0 | 0.3  | It is
            0 | 1.0  | It is sunny today.
            1 | 0.0  | It is sunny today.
            1 | 0.5  | It is sunny today. The high will be
            2 | 0.99 | It is sunny today. The high will be twenty degrees. Enjoy
            3 | 0.0  | It is sunny today. The high will be twenty degrees. Enjoy it.
            """)
    void keepsWholeChunksAndTheWordsPlayedOfTheCurrentOne(int clip, double fraction, String heard) {
        assertThat(HeardText.of(CHUNKS, new Position(clip, fraction))).isEqualTo(heard);
    }

    @ParameterizedTest(name = "{1} of \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            one two three | 0.5 | one
            one two three | 0.3 | one
            one two three | 0.2 | ''
            one           | 0.9 | ''
            """)
    void leavesOutAWordCutInTheMiddle(String text, double fraction, String heard) {
        assertThat(HeardText.wordsBefore(text, fraction)).isEqualTo(heard);
    }
}
