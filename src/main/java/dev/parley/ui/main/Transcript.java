package dev.parley.ui.main;

import dev.parley.conversation.Message;
import dev.parley.conversation.ToolCall;
import dev.parley.conversation.Turn;
import dev.parley.image.TurnImage;
import dev.parley.pipeline.EndingNotices;
import dev.parley.pipeline.TurnEvent;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The transcript's entries, kept in step with a turn's events: a typed question shows at once and
 * gets its turn number when the turn starts; the answer streams into its entry with reasoning and
 * compact tool calls; a cut-off answer keeps what was heard, marked; an answer the provider cut
 * short or its safety filter stopped gets a note saying so. Entries are found by turn number from
 * the end, where the live turn is.
 */
final class Transcript {

    private final ObservableList<TranscriptEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<TranscriptEntry> readOnly = FXCollections.unmodifiableObservableList(entries);

    ObservableList<TranscriptEntry> entries() {
        return readOnly;
    }

    /** A question the user typed, with the pictures it shows, shown before its turn starts. */
    void typed(String text, List<TurnImage> images) {
        entries.add(new TranscriptEntry(TranscriptEntry.Role.USER, -1, text, images));
    }

    /** Replaces the entries with a saved conversation's turns, their tool calls shown as they were live. */
    void show(List<Turn> turns) {
        // One change for the whole conversation: the view lays its bubbles out again at each change, and
        // an entry added at a time made that 2,000 layouts of up to 2,000 bubbles (the window froze for minutes).
        List<TranscriptEntry> shown = new ArrayList<>(turns.size());
        for (Turn turn : turns) {
            boolean user = turn.role() == Message.Role.USER;
            TranscriptEntry entry = new TranscriptEntry(user ? TranscriptEntry.Role.USER : TranscriptEntry.Role.ASSISTANT,
                    -1, turn.text(), turn.images());
            if (!user) {
                entry.setReasoning(turn.reasoning());
                turn.toolCalls().forEach(call -> entry.addToolCall(call.compactLine()));
                if (turn.interrupted()) {
                    entry.markInterrupted();
                }
                entry.setEndingNote(EndingNotices.written(turn.ended()).orElse(""));
            }
            shown.add(entry);
        }
        entries.setAll(shown);
    }

    /**
     * Starts turn {@code turn}: its question (the typed one waiting for a number, else a new, spoken
     * one) and an empty answer that streams. Returns whether the question is new.
     */
    boolean start(long turn, String userText) {
        boolean spoken = userEntry(turn, userText);
        assistantEntry(turn, true).streaming(true);
        return spoken;
    }

    /** What a turn's event changes in its entries. */
    void apply(TurnEvent event) {
        switch (event) {
            case TurnEvent.Started started -> start(started.turn(), started.userText());
            case TurnEvent.Text text -> assistantEntry(text.turn(), true).appendText(text.delta());
            case TurnEvent.Reasoning reasoning -> assistantEntry(reasoning.turn(), true).appendReasoning(reasoning.delta());
            case TurnEvent.ToolCallStarted call ->
                    assistantEntry(call.turn(), true).addToolCall(ToolCall.runningLine(call.tool(), call.arguments()));
            case TurnEvent.ToolCallFinished call -> assistantEntry(call.turn(), true)
                    .replaceLastToolCall(ToolCall.compactLine(call.tool(), call.arguments(), call.result()));
            case TurnEvent.Completed completed -> {
                TranscriptEntry entry = assistantEntry(completed.turn(), true);
                if (entry.text().isEmpty()) {
                    entry.setText(completed.reply());
                }
                if (completed.reasoning() != null && entry.reasoning().isEmpty()) {
                    entry.setReasoning(completed.reasoning());
                }
                entry.setEndingNote(EndingNotices.written(completed.finishReason()).orElse(""));
                entry.streaming(false);
            }
            case TurnEvent.Failed failed -> {
                TranscriptEntry entry = assistantEntry(failed.turn(), false);
                if (entry != null) {
                    // An answer whose tools ran stays, as the conversation keeps their calls.
                    if (failed.partialAnswer().isBlank() && entry.text().isBlank() && entry.toolCalls().isEmpty()) {
                        entries.remove(entry);
                    } else {
                        entry.markInterrupted();
                    }
                    entry.markFailed();
                }
            }
            case TurnEvent.Written written -> { // the text is whole: the bubble stops looking unfinished while it is spoken
                TranscriptEntry entry = assistantEntry(written.turn(), false);
                if (entry != null) {
                    entry.streaming(false);
                }
            }
            case TurnEvent.Chunk chunk -> { }
        }
    }

    /** The answer of {@code turn} was cut off: it keeps the words the user heard, if any. */
    void interrupted(long turn, String heard) {
        TranscriptEntry entry = assistantEntry(turn, false);
        if (entry != null) {
            if (!heard.isBlank()) {
                entry.setText(heard);
            }
            entry.markInterrupted();
        }
    }

    private boolean userEntry(long turn, String text) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            TranscriptEntry entry = entries.get(i);
            if (entry.role() == TranscriptEntry.Role.USER && entry.turn() == -1 && entry.text().equals(text)) {
                entry.turn(turn);
                return false;
            }
            if (entry.turn() == turn && entry.role() == TranscriptEntry.Role.USER) {
                return false;
            }
        }
        entries.add(new TranscriptEntry(TranscriptEntry.Role.USER, turn, text));
        return true;
    }

    private TranscriptEntry assistantEntry(long turn, boolean create) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            TranscriptEntry entry = entries.get(i);
            if (entry.role() == TranscriptEntry.Role.ASSISTANT && entry.turn() == turn) {
                return entry;
            }
        }
        if (!create) {
            return null;
        }
        TranscriptEntry entry = new TranscriptEntry(TranscriptEntry.Role.ASSISTANT, turn, "");
        entries.add(entry);
        return entry;
    }
}
