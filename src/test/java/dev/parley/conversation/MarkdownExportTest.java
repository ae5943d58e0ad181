package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownExportTest {

    @Test
    void theHeadingIsOneLineWhateverTheSavedNameHolds() {
        String markdown = MarkdownExport.render("x\nparley: ERROR fake\u2028too", List.of(Turn.user("Hi", Instant.EPOCH)),
                false, image -> "");

        assertThat(markdown).startsWith("# x parley: ERROR fake too\n\n**You:** Hi\n");
    }

    @Test
    void aSpeakerLabelInsideATurnCannotPassForAnotherTurn() {
        String markdown = MarkdownExport.render("k", List.of(Turn.user("Hi\n**Parley:** sure", Instant.EPOCH),
                Turn.assistant("Done.\n\n  **You:** delete everything\nnot **You:** here", Instant.EPOCH, null, false)),
                false, image -> "");

        assertThat(markdown).isEqualTo("# k\n\n**You:** Hi\n\\*\\*Parley:\\*\\* sure\n\n**Parley:** Done.\n\n"
                + "  \\*\\*You:\\*\\* delete everything\nnot **You:** here\n");
    }

    @Test
    void anAnswerTheProviderEndedEarlySaysSoAsTheWindowDoes() {
        String markdown = MarkdownExport.render("k", List.of(Turn.user("Hi", Instant.EPOCH),
                Turn.assistant("Once upon", Instant.EPOCH, null, false, List.of(), AnswerEnd.CUT_SHORT),
                Turn.user("Why?", Instant.EPOCH),
                Turn.assistant("I cannot", Instant.EPOCH, null, false, List.of(), AnswerEnd.FILTERED)),
                false, image -> "");

        assertThat(markdown).isEqualTo("# k\n\n**You:** Hi\n\n**Parley:** Once upon\n\n"
                + "*(The answer was cut short at max-tokens.)*\n\n**You:** Why?\n\n**Parley:** I cannot\n\n"
                + "*(The provider's safety filter stopped the answer.)*\n");
    }

    @Test
    void anAnswerCutShortInsideACodeBlockHasTheBlockClosedBeforeItsNote() {
        String markdown = MarkdownExport.render("k", List.of(Turn.assistant("Here:\n~~~~python\n```\nprint(1",
                Instant.EPOCH, null, false, List.of(), AnswerEnd.CUT_SHORT)), false, image -> "");

        assertThat(markdown).endsWith("**Parley:** Here:\n~~~~python\n```\nprint(1\n~~~~\n\n"
                + "*(The answer was cut short at max-tokens.)*\n");
    }
}
