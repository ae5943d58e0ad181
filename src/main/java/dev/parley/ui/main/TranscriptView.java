package dev.parley.ui.main;

import dev.parley.ui.CopyButton;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
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

/**
 * The conversation as chat bubbles. It follows the newest text while answers stream in, unless the
 * user scrolled up to read ({@link StreamFollow}); a new question or another conversation shows its end.
 */
final class TranscriptView extends ScrollPane {

    /** The size a question's pictures show at in its bubble. */
    private static final int PICTURE = 120;

    private final VBox box = new VBox();
    /** One node per entry, made once: streaming updates go through bindings, not rebuilds. */
    private final java.util.Map<TranscriptEntry, Node> rows = new java.util.IdentityHashMap<>();
    private final Label empty = new Label();
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

    private void rebuild(MainViewModel model) {
        rows.keySet().retainAll(new java.util.HashSet<>(model.transcript()));
        if (model.transcript().isEmpty()) {
            box.getChildren().setAll(empty);
            return;
        }
        box.getChildren().setAll(model.transcript().stream().map(entry -> rows.computeIfAbsent(entry, TranscriptView::row))
                .toList());
    }

    /** A bubble's text is a label, which selects nothing: its context menu copies the whole of it. */
    private static void copyable(VBox bubble, TranscriptEntry entry) {
        MenuItem copy = new MenuItem("Copy text");
        copy.setOnAction(event -> CopyButton.toClipboard(entry.text()));
        ContextMenu menu = new ContextMenu(copy);
        bubble.setOnContextMenuRequested(event -> menu.show(bubble, event.getScreenX(), event.getScreenY()));
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
            Label thoughts = new Label();
            thoughts.setWrapText(true);
            thoughts.textProperty().bind(entry.reasoningProperty());
            TitledPane reasoning = new TitledPane("Reasoning", thoughts);
            reasoning.getStyleClass().add("reasoning");
            reasoning.setExpanded(false);
            reasoning.setAnimated(false);
            reasoning.visibleProperty().bind(entry.reasoningProperty().isNotEmpty());
            reasoning.managedProperty().bind(reasoning.visibleProperty());
            bubble.getChildren().addAll(reasoning, tools);
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
