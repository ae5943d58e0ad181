package dev.parley.stt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VoskPhraseSpotterTest {

    @ParameterizedTest
    @CsvSource({
        "hey parley, hey barley",
        "okay computer, okay gomputer",
        "time to talk, dime do dalk",
        "hello there, hello there",
        "phone city chef, phone city chef",
        "keep clear, geep glear"})
    void voicesTheFirstUnvoicedStopOfEachWord(String phrase, String twin) {
        assertThat(VoskPhraseSpotter.voicedTwin(phrase)).isEqualTo(twin);
    }

    @Test
    void theGrammarOffersThePhraseItsWordsItsTwinTheSoundAlikesAndUnknownSpeech() {
        String grammar = VoskPhraseSpotter.grammar("hey parley");

        assertThat(grammar).startsWith("[\"hey parley\", \"hey\", \"parley\", \"hey barley\", ")
                .contains("\"hey paul\"", "\"hey party\"").endsWith("\"[unk]\"]");
        assertThat(grammar.split("hey barley", -1)).hasSize(2);
    }
}
