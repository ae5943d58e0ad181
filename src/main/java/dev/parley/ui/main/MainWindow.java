package dev.parley.ui.main;

import dev.parley.conversation.ConversationInfo;
import dev.parley.ui.DesktopUi;
import dev.parley.ui.SettingsViewModel;
import dev.parley.ui.SettingsWindow;
import dev.parley.ui.Theme;
import dev.parley.ui.usage.UsageWindow;
import dev.parley.voice.VoiceState;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The main window, thin over its view models: toolbar (conversations, provider switcher with health
 * dots and Test, usage, settings, theme), error banners, the transcript, the partial transcript,
 * the input bar (hold-to-talk, level meter, text input, send, stop) and the status bar (state,
 * provider and model, start-up progress, latency waterfall on demand).
 */
public final class MainWindow {

    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("MMM d, HH:mm").withZone(ZoneId.systemDefault());

    private final DesktopUi ui;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private KeyCode talkKey;
    private Consumer<SettingsViewModel> settingsOpener;
    private String theme;

    public MainWindow(DesktopUi ui, Stage stage) {
        this.ui = ui;
        this.stage = stage;
        this.theme = ui.uiConfig().theme();
        this.talkKey = keyCode(ui.uiConfig().pushToTalkKey());
        MainViewModel main = ui.main();

        VBox top = new VBox(toolbar(), banners());
        root.setTop(top);
        root.setLeft(sidebar());
        root.setCenter(new TranscriptView(main));
        root.setBottom(new VBox(partial(main), inputBar(main), waterfall(main), statusBar(main)));

        scene = new Scene(root, 980, 700);
        Theme.style(scene);
        installTalkKey(main);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), this::openSettings);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                () -> ui.conversations().startNew());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), main::stop);
        stage.setScene(scene);
        stage.setTitle("Parley");
        stage.setMinWidth(560);
        stage.setMinHeight(420);
        settingsOpener = model -> new SettingsWindow(model, stage).show();
    }

    public Scene scene() {
        return scene;
    }

    /** How the Settings button opens the panel (tests and screenshots replace it). */
    public void settingsOpener(Consumer<SettingsViewModel> opener) {
        this.settingsOpener = opener;
    }

    public void openSettings() {
        SettingsViewModel settings = ui.newSettings();
        settings.onSaved(saved -> {
            ui.providers().configSaved(saved.llm().active());
            ui.main().setHandsFree(saved.audio().handsFree());
            talkKey = keyCode(saved.ui().pushToTalkKey());
            theme = saved.ui().theme();
            Theme.apply(theme);
            ((Label) root.lookup("#talk-hint")).setText(hint());
        });
        settings.loadChoices();
        settingsOpener.accept(settings);
    }

    // --- toolbar -------------------------------------------------------------------------------

    private Node toolbar() {
        Label title = new Label("Parley");
        title.getStyleClass().add("app-title");

        ToggleButton conversations = new ToggleButton("☰");
        conversations.setId("conversations-toggle");
        conversations.setSelected(true);
        conversations.setTooltip(new Tooltip("Show or hide saved conversations"));
        conversations.selectedProperty().addListener((obs, old, on) -> root.setLeft(on ? sidebar : null));

        ProviderSwitcherViewModel providers = ui.providers();
        ComboBox<ProviderSwitcherViewModel.Item> switcher = new ComboBox<>(providers.items());
        switcher.setId("provider-switcher");
        switcher.setTooltip(new Tooltip("The provider that answers; the dot shows its health"));
        switcher.setCellFactory(list -> new ProviderCell());
        switcher.setButtonCell(new ProviderCell());
        switcher.getSelectionModel().select(providers.activeProperty().get());
        providers.activeProperty().addListener((obs, old, now) -> {
            if (switcher.getSelectionModel().getSelectedItem() != now) {
                switcher.getSelectionModel().select(now);
            }
        });
        switcher.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != providers.activeProperty().get()) {
                providers.switchTo(now);
            }
        });
        // The list is rebuilt after the settings change: select the active one again.
        providers.items().addListener((ListChangeListener<ProviderSwitcherViewModel.Item>) change ->
                switcher.getSelectionModel().select(providers.activeProperty().get()));

        Button test = new Button("Test");
        test.setId("provider-test");
        test.setTooltip(new Tooltip("Send a short prompt to the provider and time the answer"));
        test.disableProperty().bind(providers.testingProperty());
        test.setOnAction(event -> providers.testActive());
        Label testResult = new Label();
        testResult.setId("provider-test-result");
        testResult.getStyleClass().add("muted");
        testResult.textProperty().bind(providers.testResultProperty());
        testResult.setMaxWidth(360);
        Tooltip fullResult = new Tooltip();
        fullResult.textProperty().bind(providers.testResultProperty());
        testResult.setTooltip(fullResult);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button usage = new Button("Usage");
        usage.setId("usage-button");
        usage.setTooltip(new Tooltip("Tokens, cost and latency per provider"));
        usage.setOnAction(event -> new UsageWindow(ui.usage(), stage).show());

        Button settings = new Button("Settings");
        settings.setId("settings-button");
        settings.setTooltip(new Tooltip("Providers, voice, audio, speech model, prompt, keys (Ctrl+,)"));
        settings.setOnAction(event -> openSettings());

        ToggleButton dark = new ToggleButton("◐");
        dark.setId("theme-toggle");
        dark.setTooltip(new Tooltip("Light or dark theme for this session (Settings saves it)"));
        dark.setSelected("dark".equalsIgnoreCase(theme));
        dark.selectedProperty().addListener((obs, old, on) -> Theme.apply(on ? "dark" : "light"));

        HBox bar = new HBox(conversations, title, switcher, test, testResult, spacer, usage, settings, dark);
        bar.getStyleClass().add("toolbar");
        return bar;
    }

    private static final class ProviderCell extends ListCell<ProviderSwitcherViewModel.Item> {
        private final Region dot = new Region();
        private final Tooltip tip = new Tooltip();
        private final javafx.beans.value.ChangeListener<ProviderSwitcherViewModel.Health> repaint =
                (obs, old, now) -> paint(now);

        ProviderCell() {
            dot.getStyleClass().add("health-dot");
        }

        @Override
        protected void updateItem(ProviderSwitcherViewModel.Item item, boolean empty) {
            ProviderSwitcherViewModel.Item previous = getItem();
            if (previous != null) {
                previous.healthProperty().removeListener(repaint);
                tip.textProperty().unbind();
            }
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(item.name() + " · " + item.model());
            paint(item.healthProperty().get());
            item.healthProperty().addListener(repaint);
            setGraphic(dot);
            tip.textProperty().bind(item.healthDetailProperty());
            setTooltip(tip);
        }

        private void paint(ProviderSwitcherViewModel.Health health) {
            dot.getStyleClass().removeAll("healthy", "unhealthy");
            switch (health) {
                case HEALTHY -> dot.getStyleClass().add("healthy");
                case UNHEALTHY -> dot.getStyleClass().add("unhealthy");
                case UNKNOWN -> { }
            }
        }
    }

    // --- banners -------------------------------------------------------------------------------

    private Node banners() {
        VBox box = new VBox();
        box.setId("banners");
        box.getStyleClass().add("banners");
        Runnable show = () -> box.getChildren().setAll(ui.banners().shown().stream().map(this::banner).toList());
        ui.banners().shown().addListener((ListChangeListener<Banner>) change -> show.run());
        box.visibleProperty().bind(Bindings.isNotEmpty(ui.banners().shown()));
        box.managedProperty().bind(box.visibleProperty());
        show.run();
        return box;
    }

    private Node banner(Banner banner) {
        Label icon = new Label(switch (banner.level()) {
            case ERROR -> "⚠";
            case WARNING -> "!";
            case INFO -> "ℹ";
        });
        Label message = new Label(banner.message());
        message.getStyleClass().add("banner-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button("✕");
        close.getStyleClass().add("flat");
        close.setTooltip(new Tooltip("Dismiss"));
        close.setOnAction(event -> ui.banners().dismiss(banner));
        HBox box = new HBox(icon, message, close);
        box.getStyleClass().addAll("banner", banner.level().name().toLowerCase());
        return box;
    }

    // --- conversations sidebar -----------------------------------------------------------------

    private Node sidebar;

    private Node sidebar() {
        if (sidebar != null) {
            return sidebar;
        }
        ConversationsViewModel conversations = ui.conversations();
        Label title = new Label("CONVERSATIONS");
        title.getStyleClass().add("section-title");
        Label current = new Label();
        current.getStyleClass().add("muted");
        current.textProperty().bind(Bindings.concat("Now: ", conversations.currentProperty()));
        ListView<ConversationInfo> list = new ListView<>(conversations.saved());
        list.setId("conversation-list");
        list.setPlaceholder(new Label("No saved conversations yet"));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ConversationInfo info, boolean empty) {
                super.updateItem(info, empty);
                setText(empty || info == null ? null
                        : info.name() + "\n" + info.turns() + " turns · " + UPDATED.format(info.updated()));
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && selected(list) != null) {
                conversations.resume(selected(list));
            }
        });
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && selected(list) != null) {
                conversations.resume(selected(list));
            } else if (event.getCode() == KeyCode.DELETE && selected(list) != null) {
                conversations.delete(selected(list));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button create = new Button("+ New conversation");
        create.setId("conversation-new");
        create.setTooltip(new Tooltip("Start a new conversation (Ctrl+N)"));
        create.setOnAction(event -> conversations.startNew());
        Button resume = new Button("Open");
        resume.setTooltip(new Tooltip("Continue the selected conversation (Enter, or double-click)"));
        resume.setOnAction(event -> {
            if (selected(list) != null) {
                conversations.resume(selected(list));
            }
        });
        Button rename = new Button("Rename");
        rename.setTooltip(new Tooltip("Rename the selected conversation"));
        rename.setOnAction(event -> {
            String name = selected(list);
            if (name == null) {
                return;
            }
            TextInputDialog dialog = new TextInputDialog(name);
            dialog.initOwner(stage);
            dialog.setTitle("Rename conversation");
            dialog.setHeaderText(null);
            dialog.setContentText("New name:");
            dialog.showAndWait().ifPresent(newName -> conversations.rename(name, newName));
        });
        Button export = new Button("Export");
        export.setTooltip(new Tooltip("Save the selected conversation as Markdown"));
        export.setOnAction(event -> {
            String name = selected(list) != null ? selected(list) : conversations.currentProperty().get();
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(name + ".md");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown", "*.md"));
            java.io.File file = chooser.showSaveDialog(stage);
            if (file != null) {
                conversations.export(name, Path.of(file.getPath()));
            }
        });
        Button delete = new Button("Delete");
        delete.getStyleClass().add("danger");
        delete.setTooltip(new Tooltip("Delete the selected conversation (Delete)"));
        delete.setOnAction(event -> {
            if (selected(list) != null) {
                conversations.delete(selected(list));
            }
        });
        for (Button button : new Button[] {resume, rename, export, delete}) {
            button.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        export.disableProperty().unbind();
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(6, 6, resume, rename, export, delete);
        for (Button button : new Button[] {create, resume, rename, export, delete}) {
            button.getStyleClass().add("small");
        }
        create.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(title, current, create, list, actions);
        box.getStyleClass().add("sidebar");
        sidebar = box;
        return box;
    }

    private static String selected(ListView<ConversationInfo> list) {
        ConversationInfo info = list.getSelectionModel().getSelectedItem();
        return info == null ? null : info.name();
    }

    // --- input ---------------------------------------------------------------------------------

    private Node partial(MainViewModel main) {
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

    private Node inputBar(MainViewModel main) {
        Button talk = new Button("● Hold to talk");
        talk.setId("talk-button");
        talk.getStyleClass().add("talk-button");
        talk.setTooltip(new Tooltip("Hold while you speak; release to send. The talk key works anywhere but in text fields."));
        talk.setOnMousePressed(event -> main.pressToTalk());
        talk.setOnMouseReleased(event -> main.releaseToTalk());
        main.talkingProperty().addListener((obs, old, on) -> {
            if (on) {
                talk.getStyleClass().add("talking");
                talk.setText("● Listening…");
            } else {
                talk.getStyleClass().remove("talking");
                talk.setText("● Hold to talk");
            }
        });

        ProgressBar meter = new ProgressBar(0);
        meter.setId("level-meter");
        meter.getStyleClass().addAll("level-meter", "small");
        meter.progressProperty().bind(main.levelProperty());
        meter.setTooltip(new Tooltip("Microphone level"));

        TextField input = new TextField();
        input.setId("text-input");
        input.setPromptText("Type a question and press Enter");
        input.textProperty().bindBidirectional(main.inputProperty());
        input.setOnAction(event -> main.send());
        HBox.setHgrow(input, Priority.ALWAYS);

        Button send = new Button("Send");
        send.setId("send-button");
        send.getStyleClass().add("accent");
        send.setDefaultButton(false);
        send.setTooltip(new Tooltip("Send the typed question (Enter)"));
        send.disableProperty().bind(main.inputProperty().isEmpty());
        send.setOnAction(event -> main.send());

        Button stop = new Button("■ Stop");
        stop.setId("stop-button");
        stop.setTooltip(new Tooltip("Stop the answer now (Esc)"));
        stop.disableProperty().bind(main.busyBinding().not());
        stop.setOnAction(event -> main.stop());

        HBox bar = new HBox(talk, meter, input, send, stop);
        bar.getStyleClass().add("input-bar");
        return bar;
    }

    private void installTalkKey(MainViewModel main) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == talkKey && !typing()) {
                event.consume();
                main.pressToTalk(); // repeated presses while held are ignored by the view model
            }
        });
        scene.addEventFilter(KeyEvent.KEY_RELEASED, event -> {
            if (event.getCode() == talkKey && !typing()) {
                event.consume();
                main.releaseToTalk();
            }
        });
    }

    /** In a text field the talk key types (a space); elsewhere it talks. */
    private boolean typing() {
        return scene.getFocusOwner() instanceof TextInputControl && talkKey == KeyCode.SPACE
                || scene.getFocusOwner() instanceof TextInputControl && (talkKey.isLetterKey() || talkKey.isDigitKey());
    }

    // --- status bar and waterfall --------------------------------------------------------------

    private ToggleButton latency;

    private Node waterfall(MainViewModel main) {
        VBox box = new VBox();
        box.setId("waterfall");
        box.getStyleClass().add("waterfall");
        Runnable draw = () -> {
            Waterfall waterfall = main.lastWaterfallProperty().get();
            box.getChildren().clear();
            Label title = new Label("Last turn, from the end of your words");
            title.getStyleClass().add("section-title");
            box.getChildren().add(title);
            if (waterfall == null || waterfall.rows().isEmpty()) {
                box.getChildren().add(new Label("No turn yet."));
                return;
            }
            double scale = 380.0 / Math.max(1, waterfall.totalMs());
            for (Waterfall.Row row : waterfall.rows()) {
                Label name = new Label(row.stage());
                name.setMinWidth(110);
                Region offset = new Region();
                offset.setMinWidth(row.startMs() * scale);
                Region bar = new Region();
                bar.getStyleClass().add("waterfall-bar");
                bar.setMinWidth(Math.max(2, (row.endMs() - row.startMs()) * scale));
                Label ms = new Label(row.endMs() + " ms");
                ms.getStyleClass().add("muted");
                HBox line = new HBox(0, name, offset, bar, new Label("  "), ms);
                line.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().add(line);
            }
        };
        draw.run();
        main.lastWaterfallProperty().addListener((obs, old, now) -> draw.run());
        latency = new ToggleButton("Latency");
        latency.setId("latency-toggle");
        latency.setTooltip(new Tooltip("The last turn's latency waterfall"));
        box.visibleProperty().bind(latency.selectedProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node statusBar(MainViewModel main) {
        Region dot = new Region();
        dot.getStyleClass().add("status-dot");
        Runnable paint = () -> {
            dot.getStyleClass().removeAll("busy", "listening", "error", "loading");
            VoiceState state = main.stateProperty().get();
            if (state == VoiceState.ERROR) {
                dot.getStyleClass().add("error");
            } else if (state == VoiceState.LISTENING) {
                dot.getStyleClass().add("listening");
            } else if (state != VoiceState.IDLE) {
                dot.getStyleClass().add("busy");
            } else if (!main.speechReadyProperty().get()) {
                dot.getStyleClass().add("loading");
            }
        };
        paint.run();
        main.stateProperty().addListener((obs, old, now) -> paint.run());
        main.speechReadyProperty().addListener((obs, old, now) -> paint.run());

        Label status = new Label();
        status.setId("status-text");
        status.textProperty().bind(main.statusTextProperty());

        ProgressBar loading = new ProgressBar();
        loading.setId("load-progress");
        loading.getStyleClass().add("small");
        loading.setPrefWidth(120);
        loading.progressProperty().bind(main.loadProgressProperty());
        loading.visibleProperty().bind(main.speechReadyProperty().not().and(main.loadMessageProperty().isNotEmpty()));
        loading.managedProperty().bind(loading.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label provider = new Label();
        provider.setId("status-provider");
        provider.getStyleClass().add("muted");
        ProviderSwitcherViewModel providers = ui.providers();
        provider.textProperty().bind(Bindings.createStringBinding(() -> {
            ProviderSwitcherViewModel.Item active = providers.activeProperty().get();
            String text = active == null ? "no provider" : active.name() + " · " + active.type() + " · " + active.model();
            return providers.switchingProperty().get() ? text + " (switching…)" : text;
        }, providers.activeProperty(), providers.switchingProperty()));

        Label hint = new Label(hint());
        hint.setId("talk-hint");
        hint.getStyleClass().add("muted");

        HBox bar = new HBox(dot, status, loading, spacer, hint, provider, latency);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private String hint() {
        return "Hold " + talkKey.getName() + " to talk";
    }

    static KeyCode keyCode(String name) {
        try {
            return KeyCode.valueOf(name.strip().toUpperCase());
        } catch (RuntimeException e) {
            return KeyCode.SPACE;
        }
    }
}
