package dev.parley.ui.main;

import dev.parley.ui.CopyButton;
import dev.parley.ui.DesktopUi;
import dev.parley.ui.EscapeKey;
import dev.parley.ui.settings.SettingsViewModel;
import dev.parley.ui.settings.SettingsWindow;
import dev.parley.ui.Theme;
import dev.parley.ui.usage.UsageWindow;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window, composed of its areas: toolbar and banners on top, the conversations sidebar on
 * the left, the transcript in the middle, the input bar and the status bar below. Also the window's
 * shortcuts: Ctrl+, for Settings, Ctrl+N for a new conversation, Esc to stop, the talk key.
 */
public final class MainWindow {

    private final DesktopUi ui;
    private final Stage stage;
    private final Scene scene;
    private final WindowSettings settings;
    private Consumer<SettingsViewModel> settingsOpener;
    private final InputBar inputBar;

    public MainWindow(DesktopUi ui, Stage stage) {
        this.ui = ui;
        this.stage = stage;
        MainViewModel main = ui.main();
        settings = new WindowSettings(ui.settings().config(), ui.providers(), main, ui::newSettings, ui.settings().changes(),
                ui.tasks());
        settingsOpener = model -> new SettingsWindow(model, stage).show();

        BorderPane root = new BorderPane();
        MainToolbar toolbar = new MainToolbar(ui.providers(), settings,
                () -> new UsageWindow(ui.usage(), stage).show(), this::openSettings);
        inputBar = new InputBar(main);
        ConversationsSidebar sidebar = new ConversationsSidebar(ui.conversations(), stage, inputBar::focusInput);
        // Hidden, not removed: put back, it would come last in the window's Tab order.
        sidebar.visibleProperty().bind(toolbar.conversationsShownProperty());
        sidebar.managedProperty().bind(sidebar.visibleProperty());
        root.setTop(new VBox(toolbar, new BannerArea(ui.banners())));
        root.setLeft(sidebar);
        TranscriptView transcript = new TranscriptView(main);
        root.setCenter(transcript);
        scene = new Scene(root, 980, 700);
        TalkKey talkKey = new TalkKey(scene, settings.talkKeyProperty(), main);
        transcript.talkKeyIs(talkKey.keyName());
        root.setBottom(new VBox(inputBar, new StatusBar(main, ui.providers(), ui.api(), talkKey.hint())));
        inputBar.scrollsWithPageKeys(transcript);
        inputBar.takesTypingFrom(scene);

        Theme.style(scene);
        settings.themeProperty().addListener((obs, old, theme) -> Theme.apply(theme));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), this::openSettings);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                () -> ui.conversations().startNew());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), () -> {
            toolbar.conversationsShownProperty().set(true);
            sidebar.focusSearch();
        });
        // The bubbles' Copy text needs a right-click; the keyboard copies the newest answer, as chat apps do.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> copyLastAnswer(main));
        EscapeKey.does(scene, main::stop);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1),
                () -> ShortcutsHelp.show(stage, talkKey.keyName()));
        // A conversation a terminal's `parley chat` saved meanwhile shows when the window is back in use.
        stage.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                ui.conversations().refreshIfChanged();
            }
        });
        stage.setScene(scene);
        stage.setTitle("Parley");
        stage.setMinWidth(700); // the input bar's buttons and a text field of InputBar.MIN_INPUT_WIDTH
        stage.setMinHeight(420);
    }

    private void copyLastAnswer(MainViewModel main) {
        List<TranscriptEntry> entries = main.transcript();
        for (int i = entries.size() - 1; i >= 0; i--) {
            TranscriptEntry entry = entries.get(i);
            if (entry.role() == TranscriptEntry.Role.ASSISTANT && !entry.text().isBlank()) {
                CopyButton.toClipboard(entry.text());
                ui.banners().show(Banner.confirmation("copy", "Copied Parley's last answer."));
                return;
            }
        }
        ui.banners().show(Banner.info("copy", "There is no answer to copy yet."));
    }

    public Scene scene() {
        return scene;
    }



    /** How the Settings button opens the panel (tests and screenshots replace it). */
    public void settingsOpener(Consumer<SettingsViewModel> opener) {
        this.settingsOpener = opener;
    }

    public void openSettings() {
        settingsOpener.accept(settings.openSettings());
    }
}
