package dev.parley.ui.main;


import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.ui.settings.FakeSettings;
import dev.parley.ui.DesktopUi;
import dev.parley.ui.ScriptedVoiceAssistant;
import dev.parley.ui.Tasks;
import dev.parley.ui.Theme;
import dev.parley.usage.UsageLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The main window on headless Monocle over a scripted voice pipeline, a fake provider list and
 * settings, and a real conversation store in a folder of its own; each test gets a fresh window.
 */
@ExtendWith(ApplicationExtension.class)
abstract class MainWindowFixture {


    @TempDir
    static Path folder;

    ScriptedVoiceAssistant assistant;
    FakeProviders providers;
    FakeSettings settings;
    DesktopUi ui;
    MainWindow window;
    Stage stage;
    ConversationStore store;

    /** Opens a fresh window on {@code stage}: each test class's {@code @Start} calls it (TestFX finds no inherited one). */
    void open(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory(folder, "home");
        assistant = new ScriptedVoiceAssistant();
        providers = new FakeProviders(0);
        settings = new FakeSettings(home.resolve("config.yaml"), 0);
        store = new ConversationStore(home.resolve("conversations"));
        ui = DesktopUi.create(assistant, providers, settings, store,
                () -> new Conversation("test"), new UsageLedger(home.resolve("usage.jsonl")), Tasks.forFx());
        Theme.apply("light");
        window = new MainWindow(ui, stage);
        stage.show();
        ui.main().load(List.of());
    }

    static List<String> bubbleTexts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        robot.lookup(".bubble .body").queryAllAs(Label.class).forEach(label -> texts.add(label.getText()));
        return texts;
    }
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
