package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.AnswerEnd;
import dev.parley.conversation.Turn;
import dev.parley.pipeline.EndingNotices;
import dev.parley.ui.ScriptedVoiceAssistant;
import dev.parley.ui.Tasks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** A saved conversation opened again: its turns as the transcript shows them. */
class MainViewModelSavedTurnsTest {

    private final MainViewModel model = new MainViewModel(new ScriptedVoiceAssistant(), Tasks.direct(), new Banners());

    @Test
    void aSavedConversationOfThousandsOfTurnsIsShownInOneChangeOfTheTranscript() {
        Instant at = Instant.parse("2026-12-07T09:00:00Z");
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            turns.add(Turn.user("question " + i, at));
            turns.add(Turn.assistant("answer " + i, at, null, false));
        }
        int[] changes = {0};
        model.transcript().addListener((ListChangeListener<TranscriptEntry>) change -> changes[0]++);

        model.showTurns(turns);

        assertThat(changes[0]).as("the view lays the transcript out again at each change").isEqualTo(1);
        assertThat(model.transcript()).hasSize(2000);
        assertThat(model.transcript().getLast().text()).isEqualTo("answer 999");
    }

    @Test
    void aSavedAnswerTheProviderEndedEarlyShowsItsNoteWhenOpenedAgain() {
        Instant at = Instant.parse("2026-12-07T09:00:00Z");

        model.showTurns(List.of(Turn.user("tell all", at),
                Turn.assistant("Once upon", at, null, false, List.of(), AnswerEnd.CUT_SHORT), Turn.user("hi", at),
                Turn.assistant("Hello.", at, null, false, List.of())));

        assertThat(model.transcript()).extracting(TranscriptEntry::endingNote)
                .containsExactly("", EndingNotices.CUT_SHORT, "", "");
    }
}
