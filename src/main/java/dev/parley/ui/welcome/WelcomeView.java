package dev.parley.ui.welcome;

import dev.parley.ui.CopyButton;
import dev.parley.firstrun.ModelOffers.Offer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The welcome's controls, bound to a {@link WelcomeViewModel}: one page per step, Back / Next / Finish, Skip. */
final class WelcomeView extends BorderPane {

    private static final String[] TITLES = {"Microphone", "Speakers", "Who answers"};

    WelcomeView(WelcomeViewModel model) {
        setId("welcome");
        Label title = new Label("Welcome to Parley");
        title.getStyleClass().add("app-title");
        Label step = new Label();
        step.setId("welcome-step");
        step.getStyleClass().add("section-title");
        step.textProperty().bind(Bindings.createStringBinding(() -> "Step " + (model.stepProperty().get() + 1)
                + " of 3 · " + TITLES[model.stepProperty().get()], model.stepProperty()));
        VBox top = new VBox(4, title, step);
        top.setPadding(new Insets(14, 16, 6, 16));
        setTop(top);

        StackPane pages = new StackPane(page(model, WelcomeViewModel.MICROPHONE, microphone(model)),
                page(model, WelcomeViewModel.VOICE, voice(model)),
                page(model, WelcomeViewModel.MODEL, models(model.models())));
        pages.setPadding(new Insets(6, 16, 6, 16));
        setCenter(pages);
        setBottom(buttons(model));
    }

    private static Node page(WelcomeViewModel model, int index, VBox content) {
        content.setSpacing(10);
        content.visibleProperty().bind(model.stepProperty().isEqualTo(index));
        content.managedProperty().bind(content.visibleProperty());
        return content;
    }

    private static VBox microphone(WelcomeViewModel model) {
        Label intro = wrapped("Parley listens while you hold the talk key. Say a few words: the bar follows your voice.");
        ProgressBar meter = new ProgressBar(0);
        meter.setId("welcome-level");
        meter.setMaxWidth(Double.MAX_VALUE);
        meter.progressProperty().bind(model.levelProperty());
        Label status = wrapped("");
        status.setId("welcome-mic-status");
        status.textProperty().bind(model.microphoneStatusProperty());
        Button retry = new Button("Try again");
        retry.setId("welcome-mic-retry");
        retry.visibleProperty().bind(model.microphoneMissingProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(event -> model.listen());
        return new VBox(intro, meter, status, new HBox(8, retry,
                copyButton(model.microphoneCommandsProperty(), "welcome-mic-copy")));
    }

    /** Shell commands that set a device up, behind a button rather than in the text; shown when there are some. */
    private static Button copyButton(javafx.beans.value.ObservableStringValue commands, String id) {
        Button copy = CopyButton.of(commands, "Copy setup commands", "Copied: paste them into a terminal");
        copy.setId(id);
        return copy;
    }

    private static VBox voice(WelcomeViewModel model) {
        Label intro = wrapped("Parley speaks its answers. Play a sentence to check your speakers.");
        Button play = new Button("▶ Play test sentence");
        play.setId("welcome-play");
        play.disableProperty().bind(model.canSpeakBinding().not());
        play.setOnAction(event -> model.playTestSentence());
        Label status = wrapped("");
        status.setId("welcome-voice-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.voiceStatusProperty());
        return new VBox(intro, play, status, copyButton(model.voiceCommandsProperty(), "welcome-voice-copy"));
    }

    private static VBox models(ModelChoice model) {
        Label intro = wrapped("Which model should answer? Everything but a cloud provider stays on this computer.");
        Label found = wrapped("");
        found.setId("welcome-offers-status");
        found.getStyleClass().add("muted");
        found.textProperty().bind(model.offersStatusProperty());

        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(6);
        choices.setId("welcome-offers");
        Runnable rebuild = () -> {
            group.getToggles().clear();
            choices.getChildren().clear();
            for (int i = 0; i < model.offers().size(); i++) {
                Offer offer = model.offers().get(i);
                RadioButton choice = new RadioButton(offer.describe());
                choice.setId("welcome-offer-" + i);
                choice.setWrapText(true);
                choice.setMnemonicParsing(false); // "OPENAI_API_KEY" keeps its underscores
                choice.setUserData(offer);
                choice.setToggleGroup(group);
                choice.setSelected(offer.equals(model.selectedProperty().get()));
                choices.getChildren().add(choice);
            }
        };
        model.offers().addListener((ListChangeListener<Offer>) change -> rebuild.run());
        rebuild.run();
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set((Offer) now.getUserData());
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(toggle -> toggle.getUserData().equals(now)).findFirst().ifPresent(group::selectToggle));

        PasswordField key = new PasswordField();
        key.setId("welcome-api-key");
        key.setPromptText("API key");
        key.textProperty().bindBidirectional(model.apiKeyProperty());
        key.visibleProperty().bind(model.needsKeyProperty().and(model.keychainProperty()));
        key.managedProperty().bind(key.visibleProperty());
        Label note = wrapped("");
        note.setId("welcome-key-note");
        note.getStyleClass().add("muted");
        note.textProperty().bind(model.keyNoteProperty());
        note.visibleProperty().bind(model.needsKeyProperty());
        note.managedProperty().bind(note.visibleProperty());
        return new VBox(intro, found, choices, key, note);
    }

    private static Node buttons(WelcomeViewModel model) {
        Label status = wrapped("");
        status.setId("welcome-finish-status");
        status.getStyleClass().add("validation");
        status.textProperty().bind(model.finishStatusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);

        Button skip = new Button("Skip");
        skip.setId("welcome-skip");
        skip.setCancelButton(true);
        skip.disableProperty().bind(model.savingProperty());
        skip.setOnAction(event -> model.skip());
        Button back = new Button("Back");
        back.setId("welcome-back");
        back.disableProperty().bind(model.stepProperty().isEqualTo(WelcomeViewModel.MICROPHONE));
        back.setOnAction(event -> model.back());
        Button next = new Button("Next");
        next.setId("welcome-next");
        next.getStyleClass().add("accent");
        next.defaultButtonProperty().bind(next.visibleProperty());
        // Enter on arrival goes on, not past the welcome for good: the keyboard starts on Next, not Skip.
        next.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                Platform.runLater(next::requestFocus);
            }
        });
        next.visibleProperty().bind(model.stepProperty().isNotEqualTo(WelcomeViewModel.MODEL));
        next.managedProperty().bind(next.visibleProperty());
        next.setOnAction(event -> model.next());
        Button finish = new Button("Finish");
        finish.setId("welcome-finish");
        finish.getStyleClass().add("accent");
        finish.visibleProperty().bind(model.stepProperty().isEqualTo(WelcomeViewModel.MODEL));
        finish.managedProperty().bind(finish.visibleProperty());
        finish.disableProperty().bind(model.models().selectedProperty().isNull().or(model.savingProperty()));
        finish.setOnAction(event -> model.finish());
        finish.defaultButtonProperty().bind(finish.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        HBox bar = new HBox(10, status, spacer, skip, back, next, finish);
        bar.setPadding(new Insets(10, 16, 14, 16));
        return bar;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
