package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which entries of a long transcript the view shows. */
class TranscriptTailTest {

    private static final int B = TranscriptTail.BATCH;

    private final TranscriptTail tail = new TranscriptTail();

    @Test
    void aLongConversationShowsItsNewestBatchAndEachRequestTheOneBefore() {
        List<TranscriptEntry> entries = conversation(3 * B / 2); // three batches

        tail.changed(entries);

        assertThat(tail.shown(entries)).first().extracting(TranscriptEntry::text).isEqualTo("question " + B);
        assertThat(tail.hidden()).isEqualTo(2 * B);
        assertThat(tail.nextBatch(entries)).isEqualTo(B);

        tail.showEarlier(entries);
        tail.showEarlier(entries);

        assertThat(tail.shown(entries)).isEqualTo(entries);
        assertThat(tail.hidden()).isZero();
    }

    @Test
    void aShortConversationShowsAllOfIt() {
        List<TranscriptEntry> entries = conversation(B / 2 - 1);

        tail.changed(entries);

        assertThat(tail.shown(entries)).isEqualTo(entries);
    }

    @Test
    void newTurnsShowBesideTheEarlierOnesTheUserAskedFor() {
        List<TranscriptEntry> entries = conversation(3 * B / 2);
        tail.changed(entries);
        tail.showEarlier(entries);

        entries.add(new TranscriptEntry(TranscriptEntry.Role.USER, 1, "and now?"));
        tail.changed(entries);

        assertThat(tail.hidden()).isEqualTo(B);
        assertThat(tail.shown(entries)).last().extracting(TranscriptEntry::text).isEqualTo("and now?");
    }

    @Test
    void anotherConversationStartsAgainAtItsNewestBatch() {
        List<TranscriptEntry> first = conversation(3 * B / 2);
        tail.changed(first);
        tail.showEarlier(first);

        List<TranscriptEntry> second = conversation(5 * B / 2);
        tail.changed(second);

        assertThat(tail.hidden()).isEqualTo(4 * B);
    }

    @Test
    void aBatchNeverStartsWithAnAnswerCutFromItsQuestion() {
        List<TranscriptEntry> entries = conversation(B); // and one more question: the batch's cut falls on an answer
        entries.add(new TranscriptEntry(TranscriptEntry.Role.USER, -1, "a question left unanswered"));

        tail.changed(entries);

        assertThat(tail.shown(entries)).first().extracting(TranscriptEntry::role).isEqualTo(TranscriptEntry.Role.USER);
        assertThat(tail.shown(entries)).hasSize(TranscriptTail.BATCH + 1);
    }

    private static List<TranscriptEntry> conversation(int questions) {
        List<TranscriptEntry> entries = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            entries.add(new TranscriptEntry(TranscriptEntry.Role.USER, -1, "question " + i));
            entries.add(new TranscriptEntry(TranscriptEntry.Role.ASSISTANT, -1, "answer " + i));
        }
        return entries;
    }
}
