package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.pipeline.TurnEvent;
import dev.parley.pipeline.TurnTimings;
import dev.parley.ui.settings.FakeSettings;
import dev.parley.ui.settings.SettingsView;
import dev.parley.ui.settings.SettingsViewModel;
import dev.parley.ui.main.FakeProviders;
import dev.parley.ui.main.MainWindow;
import dev.parley.usage.UsageLedger;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders a populated conversation and writes target/screenshots/main-light.png, main-dark.png and
 * settings.png, plus settings-voice.png (headless Monocle, software rendering).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
public class ScreenshotTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path folder;

    private ScriptedVoiceAssistant assistant;
    private DesktopUi ui;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory(folder, "home");
        ConversationStore store = new ConversationStore(home.resolve("conversations"));
        for (String name : List.of("weekend-plans", "sourdough-questions", "trip-to-lisbon")) {
            Conversation saved = new Conversation("test");
            saved.addUser("Hello");
            saved.addAssistant("Hi! How can I help?");
            store.save(name, saved);
        }
        assistant = new ScriptedVoiceAssistant();
        ui = DesktopUi.create(assistant, new FakeProviders(0), new FakeSettings(home.resolve("config.yaml"), 0), store,
                () -> new Conversation("test"), new UsageLedger(home.resolve("usage.jsonl")), Tasks.forFx());
        Theme.apply("light");
        window = new MainWindow(ui, stage);
        stage.setWidth(1100);
        stage.setHeight(760);
        stage.show();
        ui.main().load(List.of());
    }

    private void populate() {
        long turn = assistant.nextTurn();
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(turn, "What's a good way to keep basil alive indoors?", "local")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Reasoning(turn, "Basil needs light, warmth and even watering.")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Text(turn, "Give it a sunny windowsill with six hours of light,"
                + " water when the top of the soil feels dry, and pinch off the flower buds so it keeps growing leaves.")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Completed(turn, "", "", "local", 40, 38)));
        assistant.emit(new VoiceEvent.Waterfall(turn, new TurnTimings(280, 760, 840, 1180, 1215, 3100)));
        turn = assistant.nextTurn();
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(turn, "And what is 12 times 7 plus 5 percent?", "local")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.ToolCallStarted(turn, "calculate", "{\"expression\": \"12*7*1.05\"}")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.ToolCallFinished(turn, "calculate", "{\"expression\": \"12*7*1.05\"}", "88.2")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Text(turn, "Twelve times seven is eighty-four; plus five percent makes eighty-eight point two.")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Completed(turn, "", "", "local", 60, 20)));
        assistant.emit(new VoiceEvent.Waterfall(turn, new TurnTimings(310, 820, 905, 1250, 1290, 2400)));
        turn = assistant.nextTurn();
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(turn, "Tell me the whole history of bread.", "local")));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Text(turn, "Bread goes back at least fourteen thousand years, to")));
        assistant.emit(new VoiceEvent.Interrupted(turn, "Bread goes back at least fourteen thousand years,"));
        turn = assistant.nextTurn();
        assistant.emit(new VoiceEvent.StateChanged(VoiceState.IDLE, VoiceState.LISTENING, turn, ""));
        assistant.emit(new VoiceEvent.Level(-14));
        assistant.emit(new VoiceEvent.PartialTranscript(turn, "okay then just tell me how"));
        assistant.emit(new VoiceEvent.Waterfall(turn - 2, new TurnTimings(310, 820, 905, 1250, 1290, 2400)));
    }

    @Test
    void writesScreenshotsOfAPopulatedConversation(FxRobot robot) throws Exception {
        Files.createDirectories(SHOTS);
        robot.interact(this::populate);
        robot.interact(() -> ui.providers().testActive());
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        write(stage.getScene(), SHOTS.resolve("main-light.png"));

        // Dark, with the last turn's latency waterfall open.
        robot.interact(() -> robot.lookup("#latency-toggle").queryAs(ToggleButton.class).setSelected(true));
        robot.interact(() -> Theme.apply("dark"));
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        write(stage.getScene(), SHOTS.resolve("main-dark.png"));

        robot.interact(() -> Theme.apply("light"));
        Stage[] settings = new Stage[1];
        robot.interact(() -> {
            SettingsViewModel model = ui.newSettings();
            model.loadChoices();
            settings[0] = new Stage();
            Scene scene = new Scene(new SettingsView(model, () -> { }), 820, 540);
            Theme.style(scene);
            settings[0].setScene(scene);
            settings[0].show();
        });
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        write(settings[0].getScene(), SHOTS.resolve("settings.png"));
        robot.interact(() -> ((TabPane) settings[0].getScene().lookup(".tab-pane")).getSelectionModel().select(1));
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        write(settings[0].getScene(), SHOTS.resolve("settings-voice.png"));
        robot.interact(() -> settings[0].close());

        for (String name : List.of("main-light.png", "main-dark.png", "settings.png", "settings-voice.png")) {
            BufferedImage image = ImageIO.read(SHOTS.resolve(name).toFile());
            assertThat(image.getWidth()).as(name).isGreaterThan(700);
        }
    }

    public static void write(Scene scene, Path file) throws Exception {
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            shot.complete(scene.snapshot(null));
        });
        WritableImage image = shot.get(10, TimeUnit.SECONDS);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", file.toFile());
    }
}
