package dev.parley.ui.welcome;

import static dev.parley.ui.FxLookup.node;
import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ConfigLoader;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.firstrun.ModelOffers;
import dev.parley.firstrun.OllamaProbe;
import dev.parley.ui.settings.FakeSettings;
import dev.parley.ui.DesktopUi;
import dev.parley.ui.ScreenshotTest;
import dev.parley.ui.ScriptedVoiceAssistant;
import dev.parley.ui.Tasks;
import dev.parley.ui.Theme;
import dev.parley.ui.main.FakeProviders;
import dev.parley.ui.main.LoadStep;
import dev.parley.ui.main.MainWindow;
import dev.parley.usage.UsageLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The first-run welcome over the main window (headless Monocle), walked like a user would, with fake probes. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WelcomeWindowTest {

    @TempDir
    static Path folder;

    private final CountDownLatch voiceLoads = new CountDownLatch(1);
    private FakeWelcome welcome;
    private DesktopUi ui;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory(folder, "home");
        welcome = new FakeWelcome(home, 600); // every probe takes a moment, off the FX thread
        ui = DesktopUi.create(new ScriptedVoiceAssistant(), new FakeProviders(0),
                new FakeSettings(home.resolve("settings.yaml"), 0), new ConversationStore(home.resolve("conversations")),
                () -> new Conversation("test"), new UsageLedger(home.resolve("usage.jsonl")), Tasks.forFx());
        welcome.saves = ui.settings().changes(); // one stream of saved configs, as in the app
        Theme.apply("light");
        new MainWindow(ui, stage);
        stage.show();
        ui.main().load(List.of(new LoadStep("voice", () -> {
            try {
                voiceLoads.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })));
        long before = System.nanoTime();
        WelcomeWindow.show(welcome, ui, stage);
        assertThat((System.nanoTime() - before) / 1_000_000).as("ms the FX thread spent opening the welcome")
                .isLessThan(1000); // blocking probes would take 1200
    }


    private static boolean welcomeShowing() {
        return Window.getWindows().stream().anyMatch(window -> window.isShowing() && window.getScene() != null
                && window.getScene().getRoot().getId() != null && window.getScene().getRoot().getId().equals("welcome"));
    }

    @Test
    void walksTheWelcomeChoosesTheLocalOllamaAndWritesConfigAndMarker(FxRobot robot) throws Exception {
        assertThat(welcomeShowing()).isTrue();
        assertThat(stage.isShowing()).isTrue();
        assertThat(((Label) node(robot, "welcome-step")).getText()).isEqualTo("Step 1 of 3 · Microphone");

        // 1. The meter follows the microphone; speech says "we hear you".
        waitUntil(() -> welcome.listener != null);
        welcome.listener.level(-18);
        waitUntil(() -> ((Label) node(robot, "welcome-mic-status")).getText().equals("We hear you."));
        assertThat(((ProgressBar) node(robot, "welcome-level")).getProgress()).isEqualTo(0.7);
        assertThat(node(robot, "welcome-mic-retry").isVisible()).isFalse();
        robot.clickOn("#welcome-next");
        waitUntil(() -> welcome.calls.contains("mic-close"));

        // 2. The test sentence waits for the voice.
        assertThat(((Label) node(robot, "welcome-step")).getText()).isEqualTo("Step 2 of 3 · Speakers");
        assertThat(node(robot, "welcome-play").isDisabled()).isTrue();
        assertThat(((Label) node(robot, "welcome-voice-status")).getText()).startsWith("The voice is still loading");
        voiceLoads.countDown();
        waitUntil(() -> !node(robot, "welcome-play").isDisabled());
        robot.clickOn("#welcome-play");
        waitUntil(() -> ((Label) node(robot, "welcome-voice-status")).getText().startsWith("Did you hear it?"));
        assertThat(welcome.calls).contains("speak");
        robot.clickOn("#welcome-next");

        // 3. Ollama was found in the background and is offered first, preselected.
        assertThat(((Label) node(robot, "welcome-step")).getText()).isEqualTo("Step 3 of 3 · Who answers");
        waitUntil(() -> robot.lookup("#welcome-offer-2").tryQuery().isPresent());
        assertThat(((Label) node(robot, "welcome-offers-status")).getText())
                .isEqualTo("Ollama runs at http://localhost:11434 with qwen2.5:0.5b.");
        RadioButton ollama = node(robot, "welcome-offer-0");
        assertThat(ollama.getText()).isEqualTo(new ModelOffers.OllamaOffer("qwen2.5:0.5b", OllamaProbe.DEFAULT_URL).describe());
        assertThat(((RadioButton) node(robot, "welcome-offer-1")).getText()).contains("1.3 GB download on first use");
        RadioButton cloud = node(robot, "welcome-offer-2");
        assertThat(cloud.isMnemonicParsing()).isFalse();
        assertThat(cloud.getText()).contains("key in $OPENAI_API_KEY, not set yet");

        // Looking at the cloud provider shows the key field; back to Ollama hides it.
        robot.clickOn("#welcome-offer-2");
        waitUntil(() -> node(robot, "welcome-api-key").isVisible());
        robot.clickOn("#welcome-offer-0");
        waitUntil(() -> !node(robot, "welcome-api-key").isVisible());
        assertThat(ollama.isSelected()).isTrue();

        robot.clickOn("#welcome-finish");
        waitUntil(() -> !welcomeShowing());

        var config = new ConfigLoader().load(welcome.configFile);
        assertThat(config.llm().active()).isEqualTo("ollama");
        assertThat(config.llm().providers().get("ollama").model()).isEqualTo("qwen2.5:0.5b");
        assertThat(Files.readString(welcome.configFile)).contains("# Which entry under `providers` answers.");
        assertThat(welcome.firstRun().isDue()).isFalse();
        assertThat(Files.exists(welcome.firstRun().marker())).isTrue();
        waitUntil(() -> !ui.banners().shown().isEmpty());
        assertThat(ui.banners().shown().getFirst().message()).startsWith("Saved: ollama answers");
        assertThat(stage.isShowing()).isTrue();
    }

    private static javafx.scene.Scene welcomeScene() {
        return Window.getWindows().stream().filter(window -> window.getScene() != null
                && "welcome".equals(window.getScene().getRoot().getId())).findFirst().orElseThrow().getScene();
    }

    @Test
    void writesAScreenshotOfTheModelStep(FxRobot robot) throws Exception {
        waitUntil(() -> welcome.listener != null);
        robot.clickOn("#welcome-next");
        robot.clickOn("#welcome-next");
        waitUntil(() -> robot.lookup("#welcome-offer-2").tryQuery().isPresent());
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        ScreenshotTest.write(welcomeScene(), shots.resolve("welcome.png"));
        assertThat(javax.imageio.ImageIO.read(shots.resolve("welcome.png").toFile()).getWidth()).isGreaterThan(500);
        voiceLoads.countDown();
    }

    @Test
    void skipClosesTheWelcomeAndWritesOnlyTheMarker(FxRobot robot) throws Exception {
        String before = Files.readString(welcome.configFile);
        waitUntil(() -> welcome.calls.contains("mic-open"));
        robot.clickOn("#welcome-skip");
        waitUntil(() -> !welcomeShowing());
        assertThat(welcome.firstRun().isDue()).isFalse();
        assertThat(Files.readString(welcome.configFile)).isEqualTo(before);
        waitUntil(() -> welcome.calls.contains("mic-close"));
        voiceLoads.countDown();
    }
}
