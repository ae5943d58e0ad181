package dev.parley.ui.main;

import dev.parley.image.TurnImage;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One turn in the transcript: the user's words (and the pictures they showed), or the assistant's
 * answer as it streams in, with
 * its reasoning (collapsed in the view, never shown by default), its tool calls, whether it was
 * cut off, and a note when the provider ended it early ({@link dev.parley.pipeline.EndingNotices}).
 */
public final class TranscriptEntry {

    public enum Role { USER, ASSISTANT }

    private final Role role;
    private final List<TurnImage> images;
    private long turn;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reasoning = new ReadOnlyStringWrapper("");
    private final ObservableList<String> toolCalls = FXCollections.observableArrayList();
    private final ObservableList<String> toolCallsView = FXCollections.unmodifiableObservableList(toolCalls);
    private final ReadOnlyBooleanWrapper streaming = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper interrupted = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper endingNote = new ReadOnlyStringWrapper("");

    TranscriptEntry(Role role, long turn, String text) {
        this(role, turn, text, List.of());
    }

    /** {@code images}: the pictures a question showed the model. */
    TranscriptEntry(Role role, long turn, String text, List<TurnImage> images) {
        this.role = role;
        this.turn = turn;
        this.text.set(text);
        this.images = List.copyOf(images);
    }

    /** The pictures the question showed the model (none for answers). */
    public List<TurnImage> images() {
        return images;
    }

    public Role role() {
        return role;
    }

    public long turn() {
        return turn;
    }

    void turn(long turn) {
        this.turn = turn;
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String text() {
        return text.get();
    }

    public ReadOnlyStringProperty reasoningProperty() {
        return reasoning.getReadOnlyProperty();
    }

    public String reasoning() {
        return reasoning.get();
    }

    public ObservableList<String> toolCalls() {
        return toolCallsView;
    }

    public ReadOnlyBooleanProperty streamingProperty() {
        return streaming.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty interruptedProperty() {
        return interrupted.getReadOnlyProperty();
    }

    public boolean interrupted() {
        return interrupted.get();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Why the answer may not be whole (cut short at max-tokens, stopped by a safety filter), or empty. */
    public ReadOnlyStringProperty endingNoteProperty() {
        return endingNote.getReadOnlyProperty();
    }

    public String endingNote() {
        return endingNote.get();
    }

    void appendText(String delta) {
        text.set(text.get() + delta);
    }

    void setText(String full) {
        text.set(full);
    }

    void appendReasoning(String delta) {
        reasoning.set(reasoning.get() + delta);
    }

    void setReasoning(String full) {
        reasoning.set(full == null ? "" : full);
    }

    void addToolCall(String line) {
        toolCalls.add(line);
    }

    void replaceLastToolCall(String line) {
        if (toolCalls.isEmpty()) {
            toolCalls.add(line);
        } else {
            toolCalls.set(toolCalls.size() - 1, line);
        }
    }

    void setEndingNote(String note) {
        endingNote.set(note);
    }

    void streaming(boolean on) {
        streaming.set(on);
    }

    void markInterrupted() {
        interrupted.set(true);
        streaming.set(false);
    }

    void markFailed() {
        failed.set(true);
        streaming.set(false);
    }
}
