package dev.parley.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.AnswerEnd;
import dev.parley.llm.FinishReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which answers get a note, and in which words, shown and spoken. */
class EndingNoticesTest {

    @Test
    void anAnswerCutShortAtMaxTokensIsToldSoShownAndSpoken() {
        assertThat(EndingNotices.written(FinishReason.LENGTH)).contains("The answer was cut short at max-tokens.");
        assertThat(EndingNotices.spoken(FinishReason.LENGTH)).contains("That answer was cut short.");
    }

    @Test
    void anAnswerTheSafetyFilterStoppedIsToldSoShownAndSpoken() {
        assertThat(EndingNotices.written(FinishReason.CONTENT_FILTER))
                .contains("The provider's safety filter stopped the answer.");
        assertThat(EndingNotices.spoken(FinishReason.CONTENT_FILTER))
                .contains("The provider's safety filter stopped that answer.");
    }

    @ParameterizedTest
    @EnumSource(value = FinishReason.class, names = {"STOP", "OTHER", "UNKNOWN"})
    void anyOtherEndGetsNoNote(FinishReason reason) {
        assertThat(EndingNotices.written(reason)).isEmpty();
        assertThat(EndingNotices.spoken(reason)).isEmpty();
        assertThat(EndingNotices.ended(reason)).isEqualTo(AnswerEnd.WHOLE);
    }

    @Test
    void anAnswerKeptWithHowItEndedShowsTheSameNoteOpenedAgain() {
        assertThat(EndingNotices.written(EndingNotices.ended(FinishReason.LENGTH)))
                .isEqualTo(EndingNotices.written(FinishReason.LENGTH)).isPresent();
        assertThat(EndingNotices.written(EndingNotices.ended(FinishReason.CONTENT_FILTER)))
                .isEqualTo(EndingNotices.written(FinishReason.CONTENT_FILTER)).isPresent();
        assertThat(EndingNotices.written(AnswerEnd.WHOLE)).isEmpty();
    }
}
