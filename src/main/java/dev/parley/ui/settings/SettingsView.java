package dev.parley.ui.settings;

import dev.parley.config.ParleyPaths;
import dev.parley.ui.Sizing;
import dev.parley.config.ProviderType;
import dev.parley.config.TtsConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** The settings panel's controls, bound to a {@link SettingsViewModel}; shown in a window or embedded. */
public final class SettingsView extends BorderPane {

    public SettingsView(SettingsViewModel model, Runnable close) {
        setId("settings");
        TabPane tabs = new TabPane(
                new Tab("Providers", page(providers(model))),
                new Tab("Voice & audio", page(audio(model))),
                new Tab("General", page(general(model))));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        // Ctrl+Tab switches tabs wherever the keyboard is (a text field would take it to move on), and
        // the keyboard goes along, not left on a field of the hidden tab.
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && event.isControlDown()) { // Ctrl on macOS too
                event.consume();
                if (event.isShiftDown()) {
                    tabs.getSelectionModel().selectPrevious();
                } else {
                    tabs.getSelectionModel().selectNext();
                }
                tabs.requestFocus();
            }
        });

        Label problem = new Label();
        problem.setId("settings-validation");
        problem.getStyleClass().add("validation");
        problem.setWrapText(true);
        problem.textProperty().bind(Bindings.when(model.providerErrorProperty().isNotEmpty())
                .then(model.providerErrorProperty()).otherwise(model.generalErrorProperty()));
        Label status = new Label();
        status.setId("settings-status");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(model.saveStatusProperty());
        VBox messages = new VBox(2, problem, status);
        HBox.setHgrow(messages, Priority.ALWAYS);
        Button save = new Button("Save");
        save.setId("settings-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setTooltip(new Tooltip("Write config.yaml (validated first; keys go to the keychain)"));
        save.disableProperty().bind(model.validBinding().not().or(model.savingProperty()));
        save.setOnAction(event -> model.save());
        Button cancel = new Button("Close");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> close.run());
        HBox bottom = new HBox(10, Sizing.yielding(messages), Sizing.whole(save), Sizing.whole(cancel));
        bottom.setPadding(new Insets(10, 14, 12, 14));
        setBottom(bottom);
    }

    private static Node providers(SettingsViewModel model) {
        ListView<ProviderRow> list = new ListView<>(model.providers().rows());
        list.setId("settings-providers");
        list.setPrefWidth(170);
        list.getSelectionModel().select(model.providers().selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.providers().selectedProperty().set(now);
            }
        });
        model.providers().selectedProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));
        VBox left = new VBox(8, list, ProviderListButtons.of(model.providers()));
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField name = new TextField();
        name.setId("provider-name");
        ComboBox<ProviderType> type = new ComboBox<>(FXCollections.observableArrayList(ProviderType.values()));
        type.setId("provider-type");
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ProviderType value) {
                return value == null ? "" : value.configName();
            }

            @Override
            public ProviderType fromString(String text) {
                return ProviderType.fromConfigName(text);
            }
        });
        TextField baseUrl = new TextField();
        baseUrl.setId("provider-base-url");
        baseUrl.setPromptText("empty: the provider's usual address");
        ComboBox<String> modelName = new ComboBox<>(model.providers().models());
        modelName.setId("provider-model");
        modelName.setEditable(true);
        modelName.setMaxWidth(Double.MAX_VALUE);
        Button fetch = new Button("Fetch list");
        fetch.setTooltip(new Tooltip("Ask the endpoint which models it offers"));
        fetch.setOnAction(event -> model.providers().fetchModels());
        Label modelsStatus = new Label();
        modelsStatus.getStyleClass().add("muted");
        modelsStatus.textProperty().bind(model.providers().modelsStatusProperty());
        TextField keyEnv = new TextField();
        keyEnv.setId("provider-key-env");
        keyEnv.setPromptText("e.g. OPENAI_API_KEY");
        PasswordField key = new PasswordField();
        key.setId("provider-key");
        key.setPromptText("stored in the keychain, never in config.yaml");
        Label keyWhere = new Label("Keys: " + model.keyStorage() + ". The environment variable wins when set.");
        keyWhere.setId("settings-key-note");
        keyWhere.getStyleClass().add("muted");
        note(keyWhere);
        ComboBox<String> active = new ComboBox<>();
        active.setId("provider-active");
        Runnable names = () -> active.getItems().setAll(model.providers().rows().stream().map(row -> row.nameProperty().get()).toList());
        names.run();
        model.providers().rows().addListener((javafx.collections.ListChangeListener<ProviderRow>) change -> {
            String chosen = model.providers().activeProperty().get();
            names.run();
            active.setValue(chosen);
        });
        active.valueProperty().bindBidirectional(model.providers().activeProperty());

        model.providers().selectedProperty().addListener((obs, old, now) -> {
            if (old != null) {
                name.textProperty().unbindBidirectional(old.nameProperty());
                type.valueProperty().unbindBidirectional(old.typeProperty());
                baseUrl.textProperty().unbindBidirectional(old.baseUrlProperty());
                modelName.valueProperty().unbindBidirectional(old.modelProperty());
                keyEnv.textProperty().unbindBidirectional(old.apiKeyEnvProperty());
                key.textProperty().unbindBidirectional(old.apiKeyProperty());
            }
            bind(now, name, type, baseUrl, modelName, keyEnv, key);
        });
        bind(model.providers().selectedProperty().get(), name, type, baseUrl, modelName, keyEnv, key);

        GridPane form = form();
        int row = 0;
        form.addRow(row++, label("Name", name), name);
        form.addRow(row++, label("Type", type), type);
        form.addRow(row++, label("Base URL", baseUrl), baseUrl);
        HBox modelRow = new HBox(6, modelName, Sizing.whole(fetch));
        HBox.setHgrow(modelName, Priority.ALWAYS);
        form.addRow(row++, label("Model", modelName), modelRow);
        form.add(modelsStatus, 1, row++);
        form.addRow(row++, label("Key variable", keyEnv), keyEnv);
        form.addRow(row++, label("API key", key), key);
        form.add(keyWhere, 1, row++);
        form.addRow(row++, label("Active provider", active), active);
        HBox box = new HBox(12, left, form);
        HBox.setHgrow(form, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    private static void bind(ProviderRow row, TextField name, ComboBox<ProviderType> type, TextField baseUrl,
            ComboBox<String> modelName, TextField keyEnv, PasswordField key) {
        if (row == null) {
            return;
        }
        name.textProperty().bindBidirectional(row.nameProperty());
        type.valueProperty().bindBidirectional(row.typeProperty());
        baseUrl.textProperty().bindBidirectional(row.baseUrlProperty());
        modelName.valueProperty().bindBidirectional(row.modelProperty());
        keyEnv.textProperty().bindBidirectional(row.apiKeyEnvProperty());
        key.textProperty().bindBidirectional(row.apiKeyProperty());
    }

    private static Node audio(SettingsViewModel model) {
        GridPane form = form();
        ComboBox<String> voice = choice(model.voices(), model.voiceProperty(), "settings-voice");
        ComboBox<String> output = choice(model.outputDevices(), model.outputDeviceProperty(), "settings-output");
        ComboBox<String> input = choice(model.inputDevices(), model.inputDeviceProperty(), "settings-input");
        Button micTest = Sizing.whole(new Button("Test microphone"));
        micTest.setId("mic-test");
        micTest.setTooltip(new Tooltip("Records 1.5 s and shows how loud it was"));
        micTest.setOnAction(event -> model.testMicrophone());
        Label micResult = new Label();
        micResult.getStyleClass().add("muted");
        note(micResult);
        micResult.textProperty().bind(model.micTestResultProperty());
        TextField speechModel = new TextField();
        speechModel.setId("settings-speech-model");
        speechModel.setPromptText("empty: the bundled small English model");
        speechModel.textProperty().bindBidirectional(model.speechModelPathProperty());
        Button browse = Sizing.whole(new Button("Browse…"));
        browse.setId("settings-speech-model-browse");
        browse.setTooltip(new Tooltip("Choose an unpacked Vosk model folder (the one holding 'am' and 'conf')"));
        browse.setOnAction(event -> chooseSpeechModel(speechModel));
        Slider rate = slider(TtsConfig.MIN_RATE, TtsConfig.MAX_RATE, model.rateProperty(), "settings-rate",
                "How fast the voice speaks; 1.0× is its own pace");
        Label rateValue = value(Bindings.format("%.2f×", model.rateProperty()));
        Slider volume = slider(TtsConfig.MIN_VOLUME, TtsConfig.MAX_VOLUME, model.volumeProperty(),
                "settings-volume", "How loud the voice speaks, as a share of full volume");
        Label volumeValue = value(Bindings.format("%.0f%%", model.volumeProperty().multiply(100)));
        CheckBox handsFree = new CheckBox("Hands-free: listen without holding the key; a pause ends what you say");
        handsFree.setId("settings-hands-free");
        handsFree.selectedProperty().bindBidirectional(model.handsFreeProperty());
        CheckBox talkOver = new CheckBox("Talk over Parley: while hands-free, it keeps listening as it speaks");
        talkOver.setId("settings-talk-over");
        talkOver.setTooltip(new Tooltip("It lowers its voice when you start talking and stops if you go on; its own"
                + " voice is removed by echo cancellation. Turn off if it interrupts itself on your speakers."));
        talkOver.selectedProperty().bindBidirectional(model.talkOverProperty());
        talkOver.disableProperty().bind(model.handsFreeProperty().not());
        Label note = new Label("Empty device: the system default. Rate, volume and hands-free apply at once; a new"
                + " voice, device or speech model loads in the background and takes over from the next answer or"
                + " utterance (what is being said or heard finishes first).");
        note.setId("settings-audio-note");
        note.getStyleClass().add("muted");
        note(note);
        int row = 0;
        form.addRow(row++, label("Voice", voice), voice);
        form.addRow(row++, label("Rate", rate), new HBox(10, rate, rateValue));
        form.addRow(row++, label("Volume", volume), new HBox(10, volume, volumeValue));
        form.addRow(row++, label("Output device", output), output);
        form.addRow(row++, label("Input device", input), input);
        form.addRow(row++, new Region(), new HBox(10, micTest, micResult));
        form.add(handsFree, 1, row++);
        form.add(talkOver, 1, row++);
        HBox speechModelRow = new HBox(6, speechModel, browse);
        HBox.setHgrow(speechModel, Priority.ALWAYS);
        form.addRow(row++, label("Speech model folder", speechModel), speechModelRow);
        form.add(note, 1, row);
        return form;
    }

    private static Node general(SettingsViewModel model) {
        GridPane form = form();
        TextArea prompt = new TextArea();
        prompt.setId("settings-system-prompt");
        prompt.setWrapText(true);
        prompt.setPrefRowCount(5);
        prompt.textProperty().bindBidirectional(model.systemPromptProperty());
        KeyField key = new KeyField(KeyField.Kind.WINDOW_KEY, "settings-ptt-key");
        key.setTooltip(new Tooltip("Held while this window has focus. Click here and press the key: Space, F8,"
                + " Ctrl, ... (not a letter or digit, which would type)."));
        key.textProperty().bindBidirectional(model.pushToTalkKeyProperty());
        prompt.addEventFilter(KeyEvent.KEY_PRESSED, event -> { // Tab moves on, as in every other field
            if (event.getCode() == KeyCode.TAB && !event.isControlDown() && !event.isShiftDown()) {
                event.consume();
                key.requestFocus();
            }
        });
        KeyField globalKey = new KeyField(KeyField.Kind.GLOBAL_CHORD, "settings-global-ptt-key");
        globalKey.setTooltip(new Tooltip("Held while another application has focus (X11, macOS, Windows; not Wayland)."
                + " Click here and press the key with its modifiers; Backspace turns it off. Applied at once."));
        globalKey.textProperty().bindBidirectional(model.globalPushToTalkKeyProperty());
        CheckBox closeToTray = new CheckBox("Closing the window hides it to the tray icon");
        closeToTray.setId("settings-close-to-tray");
        closeToTray.setTooltip(new Tooltip("Quit from the tray icon's menu. Without a tray the window closes as usual."));
        closeToTray.selectedProperty().bindBidirectional(model.closeToTrayProperty());
        ComboBox<String> theme = new ComboBox<>(FXCollections.observableArrayList("light", "dark"));
        theme.setId("settings-theme");
        theme.valueProperty().bindBidirectional(model.themeProperty());
        CheckBox api = new CheckBox("Control API");
        api.setId("settings-api-enabled");
        api.selectedProperty().bindBidirectional(model.apiEnabledProperty());
        Label apiNote = new Label(model.apiExplanation());
        apiNote.setId("settings-api-note");
        apiNote.getStyleClass().add("muted");
        note(apiNote);
        Label promptNote = new Label("New conversations use it, and the open one until its first question;"
                + " a conversation with turns keeps the prompt it began with.");
        promptNote.setId("settings-prompt-note");
        promptNote.getStyleClass().add("muted");
        note(promptNote);
        int row = 0;
        form.addRow(row++, label("System prompt", prompt), prompt);
        form.add(promptNote, 1, row++);
        form.addRow(row++, label("Push-to-talk key", key), key);
        form.addRow(row++, label("Global talk key", globalKey), globalKey);
        form.add(closeToTray, 1, row++);
        form.addRow(row++, label("Theme", theme), theme);
        form.add(api, 1, row++);
        form.add(apiNote, 1, row);
        return form;
    }

    private static ComboBox<String> choice(javafx.collections.ObservableList<String> items, StringProperty value, String id) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText("system default");
        box.valueProperty().bindBidirectional(value);
        box.setCellFactory(list -> new javafx.scene.control.ListCell<>() { // "" is the system's default: say so
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.isEmpty() ? "System default" : item);
            }
        });
        return box;
    }

    private static Slider slider(double min, double max, DoubleProperty value, String id, String tooltip) {
        Slider slider = new Slider(min, max, value.get());
        slider.setId(id);
        slider.setBlockIncrement(0.05);
        slider.setPrefWidth(240);
        slider.setTooltip(new Tooltip(tooltip));
        slider.valueProperty().bindBidirectional(value);
        return slider;
    }

    private static Label value(javafx.beans.binding.StringExpression text) {
        Label label = new Label();
        label.getStyleClass().add("muted");
        label.textProperty().bind(text);
        return label;
    }

    /**
     * A tab's page scrolls when the window is shorter than it (a long "Saved to …" below takes lines
     * too), rather than squeezing its wrapped notes to one line cut with "…".
     */
    private static ScrollPane page(Node content) {
        ScrollPane page = new ScrollPane(content);
        page.setFitToWidth(true);
        page.setFitToHeight(true); // the provider list still fills a tall window
        page.getStyleClass().add("edge-to-edge");
        page.setFocusTraversable(false);
        return page;
    }

    /** A wrapped explanation: never shorter than its lines. */
    private static void note(Label text) {
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
    }

    private static GridPane form() {
        GridPane form = new GridPane();
        form.getStyleClass().add("settings-form");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        return form;
    }

    /** A field's name, tied to the field so a screen reader says it and clicking it focuses the field. */
    private static Label label(String text, Node field) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setLabelFor(field);
        return label;
    }

    private static void chooseSpeechModel(TextField path) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a Vosk speech model folder");
        SettingsChecks.speechModelFolder(path.getText()).map(Path::getParent).filter(Files::isDirectory)
                .or(() -> Optional.of(Path.of(ParleyPaths.userHome())))
                .ifPresent(start -> chooser.setInitialDirectory(start.toFile()));
        File chosen = chooser.showDialog(path.getScene().getWindow());
        if (chosen != null) {
            path.setText(chosen.getAbsolutePath());
        }
    }
}
