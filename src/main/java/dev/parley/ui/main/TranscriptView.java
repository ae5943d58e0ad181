package dev.parley.ui.main;

import dev.parley.ui.CopyButton;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversation as chat bubbles. It follows the newest text while answers stream in, unless the
 * user scrolled up to read ({@link StreamFollow}); a new question or another conversation shows its end.
 * A long conversation shows its newest turns ({@link TranscriptTail}); a button at the top, or scrolling
 * to the top, adds the earlier batch above them without moving what the user was reading.
 */
final class TranscriptView extends ScrollPane {

    /** The size a question's pictures show at in its bubble. */
    private static final int PICTURE = 120;

    private final VBox box = new VBox() {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            keepAnchorInPlace();
        }
    };
    /** One node per entry, made once: streaming updates go through bindings, not rebuilds. */
    private final java.util.Map<TranscriptEntry, Node> rows = new java.util.IdentityHashMap<>();
    private final Label empty = new Label();
    private final TranscriptTail tail = new TranscriptTail();
    private final Button earlier = new Button();
    private final HBox earlierRow = new HBox(earlier);
    /** The row that stays where it was on screen while an earlier batch goes in above it, until laid out. */
    private Anchor anchor;
    /** Whether growth shows the end: the user was at the bottom when they last scrolled. */
    private boolean following = true;
    /** The next growth shows the end, wherever the user was: a question was asked, or the entries replaced. */
    private boolean showEnd = true;
    /**
     * The content height the scroll position was last judged against. The scroll pane moves the position
     * itself when the content grows (to keep the text in view): a change at another height is not the user's.
     */
    private double judgedHeight;

    TranscriptView(MainViewModel model) {
        setId("transcript");
        getStyleClass().add("transcript");
        setFitToWidth(true);
        setFocusTraversable(false);
        box.getStyleClass().add("transcript-box");
        empty.getStyleClass().add("empty-hint");
        empty.setWrapText(true);
        setContent(box);
        earlier.setId("earlier-turns");
        earlier.getStyleClass().addAll("flat", "accent");
        earlier.setOnAction(event -> showEarlier(model));
        earlierRow.setAlignment(Pos.CENTER);
        rebuild(model);
        model.transcript().addListener((ListChangeListener<TranscriptEntry>) change -> {
            while (change.next()) {
                showEnd |= change.wasReplaced() || change.getAddedSubList().stream()
                        .anyMatch(entry -> entry.role() == TranscriptEntry.Role.USER);
            }
            rebuild(model);
        });
        vvalueProperty().addListener((obs, old, now) -> {
            if (box.getHeight() == judgedHeight) {
                following = StreamFollow.nearBottom(now.doubleValue(), judgedHeight, getViewportBounds().getHeight());
                // The user scrolled to the top: the earlier turns are what they look for. Not when the keyboard
                // came to the button (the pane scrolls it into view): it waits to be pressed, in view. (A click
                // leaves the button focused too, without its ring: scrolling up still loads after one.)
                if (now.doubleValue() == 0 && old.doubleValue() > 0 && !showEnd && tail.hidden() > 0
                        && judgedHeight > getViewportBounds().getHeight() && !earlier.isFocusVisible()) {
                    showEarlier(model);
                }
            }
        });
        box.heightProperty().addListener((obs, old, now) -> {
            judgedHeight = now.doubleValue();
            if (showEnd || following) {
                following = true;
                setVvalue(1.0);
            }
            showEnd = false;
        });
    }

    /** The empty conversation's hint names the talk key in use. */
    void talkKeyIs(ObservableStringValue name) {
        empty.textProperty().bind(Bindings.concat("Hold ", name,
                " (or the talk button) and speak, or type a question below."));
    }

    /** Page Up and Page Down scroll the conversation, wherever the keyboard is. */
    void scrollByPage(boolean down) {
        double page = getViewportBounds().getHeight();
        double scrollable = box.getHeight() - page;
        if (scrollable > 0) {
            setVvalue(Math.clamp(getVvalue() + (down ? 1 : -1) * page * 0.9 / scrollable, 0, 1));
        }
    }

    /**
     * Scrolls so that the row the user saw stays where it was once an earlier batch is placed above it,
     * before anything is drawn. Called as the rows are placed: by then the box has its new height and the
     * scroll pane has moved the view by its own rule (the same distance from the top), which this overrides.
     */
    private void keepAnchorInPlace() {
        if (anchor != null) {
            double scrollable = box.getHeight() - getViewportBounds().getHeight();
            double top = anchor.row().getBoundsInParent().getMinY() - anchor.below();
            anchor = null;
            setVvalue(scrollable > 0 ? Math.clamp(top / scrollable, 0, 1) : 0);
        }
    }

    private void showEarlier(MainViewModel model) {
        List<TranscriptEntry> shown = tail.shown(model.transcript());
        if (tail.hidden() == 0 || shown.isEmpty()) {
            return;
        }
        Node row = rows.get(shown.getFirst());
        double top = getVvalue() * Math.max(0, box.getHeight() - getViewportBounds().getHeight());
        anchor = new Anchor(row, row.getBoundsInParent().getMinY() - top);
        if (tail.nextBatch(model.transcript()) == tail.hidden()) { // the last batch takes the button away
            ChildNodes.keyboardOnAsTabFrom(earlier);
        }
        tail.showEarlier(model.transcript());
        rebuild(model);
    }

    private void rebuild(MainViewModel model) {
        tail.changed(model.transcript());
        List<TranscriptEntry> shown = tail.shown(model.transcript());
        rows.keySet().retainAll(new java.util.HashSet<>(shown));
        if (shown.isEmpty()) {
            box.getChildren().setAll(empty);
            return;
        }
        List<Node> children = new ArrayList<>(shown.size() + 1);
        if (tail.hidden() > 0) {
            int batch = tail.nextBatch(model.transcript());
            earlier.setText(String.format("Show %,d earlier %s · %,d not shown", batch, batch == 1 ? "turn" : "turns",
                    tail.hidden()));
            children.add(earlierRow);
        }
        shown.forEach(entry -> children.add(rows.computeIfAbsent(entry, TranscriptView::row)));
        ChildNodes.replaceChanged(box.getChildren(), children);
    }

    /** A row and how far below the view's top it was. */
    private record Anchor(Node row, double below) {}

    /**
     * A bubble's text is a label, which selects nothing: its context menu copies the whole of it. The menu
     * (a popup window) is made when asked for, not with each of the bubbles.
     */
    private static void copyable(VBox bubble, TranscriptEntry entry) {
        bubble.setOnContextMenuRequested(event -> {
            MenuItem copy = new MenuItem("Copy text");
            copy.setOnAction(done -> CopyButton.toClipboard(entry.text()));
            new ContextMenu(copy).show(bubble, event.getScreenX(), event.getScreenY());
        });
    }

    /**
     * Adds the collapsed reasoning under the header once the answer has any. A titled pane is the costliest
     * part of a bubble (a skin of its own) and most answers have no reasoning, so none is made for them.
     */
    private static void reasoningOnceAny(VBox bubble, TranscriptEntry entry) {
        if (!entry.reasoning().isEmpty()) {
            bubble.getChildren().add(1, reasoning(entry));
            return;
        }
        entry.reasoningProperty().addListener(new ChangeListener<String>() {
            @Override
            public void changed(ObservableValue<? extends String> text, String old, String now) {
                if (!now.isEmpty()) {
                    text.removeListener(this);
                    bubble.getChildren().add(1, reasoning(entry));
                }
            }
        });
    }

    private static TitledPane reasoning(TranscriptEntry entry) {
        Label thoughts = new Label();
        thoughts.setWrapText(true);
        thoughts.textProperty().bind(entry.reasoningProperty());
        TitledPane reasoning = new TitledPane("Reasoning", thoughts);
        reasoning.getStyleClass().add("reasoning");
        reasoning.setExpanded(false);
        reasoning.setAnimated(false);
        reasoning.visibleProperty().bind(entry.reasoningProperty().isNotEmpty());
        reasoning.managedProperty().bind(reasoning.visibleProperty());
        return reasoning;
    }

    private static Node row(TranscriptEntry entry) {
        boolean user = entry.role() == TranscriptEntry.Role.USER;
        VBox bubble = new VBox();
        bubble.getStyleClass().addAll("bubble", user ? "user" : "assistant");
        bubble.setMaxWidth(640);
        bubble.accessibleTextProperty().bind(Bindings.concat(user ? "You said: " : "Parley said: ", entry.textProperty()));
        Label role = new Label(user ? "You" : "Parley");
        role.getStyleClass().add("role");
        Label body = new Label();
        body.getStyleClass().add("body");
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        body.textProperty().bind(Bindings.createStringBinding(
                () -> entry.text() + (entry.streamingProperty().get() ? " ▍" : ""),
                entry.textProperty(), entry.streamingProperty()));
        HBox header = new HBox(8, role);
        header.setAlignment(Pos.CENTER_LEFT);
        if (!user) {
            Label cut = new Label("■ interrupted");
            cut.getStyleClass().add("tag-interrupted");
            cut.visibleProperty().bind(entry.interruptedProperty());
            cut.managedProperty().bind(cut.visibleProperty());
            header.getChildren().add(cut);
        }
        bubble.getChildren().add(header);
        if (!user) {
            VBox tools = new VBox(3);
            Runnable showTools = () -> tools.getChildren().setAll(entry.toolCalls().stream().map(line -> {
                Label call = new Label("⚙ " + line);
                call.getStyleClass().add("tool-call");
                call.setWrapText(true);
                return (Node) call;
            }).toList());
            showTools.run();
            entry.toolCalls().addListener((ListChangeListener<String>) change -> showTools.run());
            tools.visibleProperty().bind(Bindings.isNotEmpty(entry.toolCalls()));
            tools.managedProperty().bind(tools.visibleProperty());
            bubble.getChildren().add(tools);
            reasoningOnceAny(bubble, entry);
        }
        bubble.getChildren().add(body);
        if (!user) {
            Label note = new Label();
            note.getStyleClass().add("ending-note");
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE);
            note.textProperty().bind(entry.endingNoteProperty());
            note.visibleProperty().bind(entry.endingNoteProperty().isNotEmpty());
            note.managedProperty().bind(note.visibleProperty());
            bubble.getChildren().add(note);
        }
        if (!entry.images().isEmpty()) {
            HBox pictures = new HBox(6);
            pictures.getStyleClass().add("pictures");
            entry.images().forEach(image -> pictures.getChildren().add(AttachmentStrip.picture(image, PICTURE)));
            bubble.getChildren().add(pictures);
        }
        copyable(bubble, entry);
        HBox row = new HBox(bubble);
        row.setAlignment(user ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        HBox.setHgrow(bubble, Priority.SOMETIMES);
        return row;
    }
}
