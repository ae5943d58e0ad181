package dev.parley.ui.main;

import dev.parley.ui.Sizing;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Under the transcript: the words heard so far while the user talks, the pictures attached to the
 * next question, then hold-to-talk, the level meter, the text input (which takes pasted pictures),
 * attach, Look at screen, Send, and Stop. Pictures may be dropped anywhere on it.
 */
final class InputBar extends VBox {

    static final double MIN_INPUT_WIDTH = 140;
    private static final double METER_SHOWN_FROM_WIDTH = 820;

    private final TextField input;

    InputBar(MainViewModel main) {
        Attachments attachments = main.attachments();
        TextField input = input(main);
        AttachmentStrip.pasteInto(input, attachments);
        HBox bar = new HBox(Sizing.whole(talkButton(main)), meter(main), input,
                Sizing.whole(AttachmentStrip.attachButton(attachments)),
                Sizing.whole(AttachmentStrip.lookAtScreenButton(attachments)), Sizing.whole(send(main, input)),
                Sizing.whole(stop(main)));
        this.input = input;
        // Narrow (a window tiled beside another), the level meter gives way first, then the text field down
        // to a width still worth typing in; the buttons keep their words.
        input.setMinWidth(MIN_INPUT_WIDTH);
        Node levelMeter = bar.getChildren().get(1);
        levelMeter.visibleProperty().bind(bar.widthProperty().greaterThan(METER_SHOWN_FROM_WIDTH));
        levelMeter.managedProperty().bind(levelMeter.visibleProperty());
        bar.getStyleClass().add("input-bar");
        getChildren().setAll(partial(main), AttachmentStrip.thumbnails(attachments), bar);
        AttachmentStrip.dropOnto(this, attachments);
    }

    private static StackPane partial(MainViewModel main) {
        Label partial = new Label();
        partial.setId("partial-transcript");
        partial.getStyleClass().add("partial");
        partial.setWrapText(true);
        partial.textProperty().bind(Bindings.createStringBinding(() -> main.partialTranscriptProperty().get().isEmpty()
                ? "" : "“" + main.partialTranscriptProperty().get() + "…”", main.partialTranscriptProperty()));
        partial.visibleProperty().bind(main.partialTranscriptProperty().isNotEmpty());
        partial.managedProperty().bind(partial.visibleProperty());
        StackPane box = new StackPane(partial);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setStyle("-fx-padding: 0 1em;");
        box.managedProperty().bind(partial.visibleProperty());
        return box;
    }

    private static Button talkButton(MainViewModel main) {
        Button talk = new Button("● Hold to talk");
        talk.setId("talk-button");
        talk.getStyleClass().add("talk-button");
        talk.setTooltip(new Tooltip("Hold while you speak; release to send. The talk key works anywhere but in text fields."));
        talk.setOnMousePressed(event -> main.pressToTalk());
        talk.setOnMouseReleased(event -> main.releaseToTalk());
        // From the keyboard too: Space or Enter held on the focused button talks until released, or until
        // the keyboard leaves the button (Tab while holding), whose release then goes elsewhere.
        boolean[] held = {false};
        talk.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.SPACE || event.getCode() == KeyCode.ENTER) {
                event.consume();
                held[0] = true;
                main.pressToTalk(); // the key's repeats while held are ignored by the view model
            }
        });
        talk.addEventFilter(KeyEvent.KEY_RELEASED, event -> {
            if (held[0] && (event.getCode() == KeyCode.SPACE || event.getCode() == KeyCode.ENTER)) {
                event.consume();
                held[0] = false;
                main.releaseToTalk();
            }
        });
        talk.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && held[0]) {
                held[0] = false;
                main.releaseToTalk();
            }
        });
        main.talkingProperty().addListener((obs, old, on) -> {
            if (on) {
                talk.getStyleClass().add("talking");
                talk.setText("● Listening…");
            } else {
                talk.getStyleClass().remove("talking");
                talk.setText("● Hold to talk");
            }
        });
        return talk;
    }

    private static ProgressBar meter(MainViewModel main) {
        ProgressBar meter = new ProgressBar(0);
        meter.setId("level-meter");
        meter.getStyleClass().addAll("level-meter", "small");
        meter.progressProperty().bind(main.levelProperty());
        meter.setTooltip(new Tooltip("Microphone level"));
        return meter;
    }

    private static TextField input(MainViewModel main) {
        TextField input = new TextField();
        input.setId("text-input");
        input.setPromptText("Type a question and press Enter");
        input.textProperty().bindBidirectional(main.inputProperty());
        input.setOnAction(event -> main.send());
        HBox.setHgrow(input, Priority.ALWAYS);
        return input;
    }

    /** The keyboard goes to the text field, where the next question is typed. */
    void focusInput() {
        input.requestFocus();
    }

    /** Page Up and Page Down in the text field scroll the conversation above it. */
    void scrollsWithPageKeys(TranscriptView transcript) {
        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.PAGE_UP || event.getCode() == KeyCode.PAGE_DOWN) {
                event.consume();
                transcript.scrollByPage(event.getCode() == KeyCode.PAGE_DOWN);
            }
        });
    }

    /**
     * Typing while the keyboard is elsewhere (nothing focused at start, a button) starts the question:
     * the letter goes to the text field, which takes the keyboard. Not a space, which the talk key or
     * a focused button has already used, nor a shortcut.
     */
    void takesTypingFrom(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            String typed = event.getCharacter();
            if (scene.getFocusOwner() instanceof TextInputControl || typed.isBlank() || typed.chars().anyMatch(
                    Character::isISOControl) || event.isControlDown() || event.isAltDown() || event.isMetaDown()
                    || event.isShortcutDown()) {
                return;
            }
            event.consume();
            input.requestFocus();
            input.appendText(typed);
            input.end();
        });
    }

    private static Button send(MainViewModel main, TextField input) {
        Button send = new Button("Send");
        send.setId("send-button");
        send.getStyleClass().add("accent");
        send.setDefaultButton(false);
        send.setTooltip(new Tooltip("Send the typed question (Enter)"));
        send.disableProperty().bind(main.inputProperty().isEmpty());
        send.setOnAction(event -> {
            main.send();
            input.requestFocus(); // not on to Stop, which the next Enter would press
        });
        return send;
    }

    private static Button stop(MainViewModel main) {
        Button stop = new Button("■ Stop");
        stop.setId("stop-button");
        stop.setTooltip(new Tooltip("Stop the answer now (Esc)"));
        stop.disableProperty().bind(main.busyBinding().not());
        stop.setOnAction(event -> main.stop());
        return stop;
    }
}
