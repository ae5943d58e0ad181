package dev.parley.ui.main;

import static dev.parley.ui.FxLookup.node;
import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.pipeline.TurnEvent;
import dev.parley.ui.settings.SettingsViewModel;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window on headless Monocle, driven like a user would: talking, typing, answers, providers, banners. */
@Tag("ui")
class MainWindowTest extends MainWindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void holdingTheTalkKeyListensAndReleasingAnswers(FxRobot robot) throws Exception {
        robot.clickOn("#transcript"); // focus away from the text field: Space talks there
        robot.press(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(assistant.calls).containsExactly("press");
        assertThat(node(robot, "partial-transcript").isVisible()).isTrue();
        assertThat(((Label) node(robot, "partial-transcript")).getText()).isEqualTo("“what is twelve…”");
        assertThat(((Label) node(robot, "status-text")).getText()).isEqualTo("Listening…");
        assertThat(((javafx.scene.control.ProgressBar) node(robot, "level-meter")).getProgress()).isEqualTo(0.5);

        robot.release(KeyCode.SPACE);
        waitUntil(() -> bubbleTexts(robot).size() == 2);
        assertThat(assistant.calls).containsExactly("press", "release");
        assertThat(bubbleTexts(robot)).containsExactly("what is twelve times seven", "Twelve times seven is eighty-four.");
        assertThat(robot.lookup(".tool-call").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("⚙ calculate {\"expression\":\"12*7\"} → 84");
        // Reasoning is there but collapsed.
        javafx.scene.control.TitledPane reasoning = robot.lookup(".reasoning").queryAs(javafx.scene.control.TitledPane.class);
        assertThat(reasoning.isVisible()).isTrue();
        assertThat(reasoning.isExpanded()).isFalse();
        assertThat(((Label) node(robot, "status-text")).getText()).isEqualTo("Ready");
    }
    @Test
    void theTalkButtonWorksWithTheMouse(FxRobot robot) throws Exception {
        robot.moveTo("#talk-button").press(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((javafx.scene.control.Button) node(robot, "talk-button")).getText()).isEqualTo("● Listening…");
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        waitUntil(() -> bubbleTexts(robot).size() == 2);
        assertThat(assistant.calls).containsExactly("press", "release");
    }
    @Test
    void spacePressesAControlReachedWithTheKeyboardInsteadOfTalking(FxRobot robot) throws Exception {
        robot.interact(() -> node(robot, "provider-switcher").requestFocus());
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT); // back to the first control
        javafx.scene.control.ToggleButton sidebar = robot.lookup("#conversations-toggle")
                .queryAs(javafx.scene.control.ToggleButton.class);
        waitUntil(sidebar::isFocused);
        assertThat(sidebar.isFocusVisible()).isTrue();

        robot.type(KeyCode.SPACE);

        waitUntil(() -> !sidebar.isSelected());
        assertThat(assistant.calls).as("Space pressed the button, it did not talk").isEmpty();
    }
    @Test
    void theTalkKeysReleaseEndsTheTalkingWhereverTabTookTheKeyboardMeanwhile(FxRobot robot) throws Exception {
        robot.clickOn("#conversations-toggle").clickOn("#conversations-toggle"); // focused by the mouse
        robot.press(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.TAB); // on to a control the keyboard reached, where Space would press it
        robot.release(KeyCode.SPACE);

        waitUntil(() -> bubbleTexts(robot).size() == 2);
        assertThat(assistant.calls).containsExactly("press", "release");
    }
    @Test
    void theTalkButtonWorksFromTheKeyboard(FxRobot robot) throws Exception {
        robot.clickOn("#text-input").press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        waitUntil(() -> node(robot, "talk-button").isFocused());

        robot.press(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((javafx.scene.control.Button) node(robot, "talk-button")).getText()).isEqualTo("● Listening…");
        robot.release(KeyCode.ENTER);

        waitUntil(() -> bubbleTexts(robot).size() == 2);
        assertThat(assistant.calls).containsExactly("press", "release");
    }
    @Test
    void typingWithTheKeyboardElsewhereStartsAQuestionInTheTextField(FxRobot robot) throws Exception {
        robot.clickOn("#transcript");

        robot.write("what");

        javafx.scene.control.TextField input = robot.lookup("#text-input").queryAs(javafx.scene.control.TextField.class);
        waitUntil(() -> "what".equals(input.getText()));
        assertThat(input.isFocused()).isTrue();
        assertThat(assistant.calls).isEmpty();
    }
    @Test
    void f1ListsTheKeyboardShortcutsWithTheTalkKeyInUse(FxRobot robot) throws Exception {
        robot.clickOn("#transcript").type(KeyCode.F1);
        waitUntil(() -> robot.lookup("#shortcuts").tryQuery().isPresent());

        javafx.scene.control.DialogPane help = robot.lookup("#shortcuts").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(help.getContentText()).startsWith("Hold Space: talk").contains("Ctrl+N: new conversation",
                "Enter / F2 / Delete");
        robot.clickOn("Close");
        waitUntil(() -> robot.lookup("#shortcuts").tryQuery().isEmpty());
    }
    @Test
    void theEmptyConversationNamesTheTalkKeyInUse(FxRobot robot) throws Exception {
        assertThat(robot.lookup(".empty-hint").queryLabeled().getText()).startsWith("Hold Space (or the talk button)");
    }
    @Test
    void typedQuestionsSendWithEnterAndSpaceTypesInTheField(FxRobot robot) throws Exception {
        robot.clickOn("#text-input").write("hello there").type(KeyCode.ENTER);
        waitUntil(() -> bubbleTexts(robot).size() == 2);
        assertThat(assistant.calls).containsExactly("ask:hello there");
        assertThat(bubbleTexts(robot).getFirst()).isEqualTo("hello there");
    }
    @Test
    void answerTextStreamsIntoTheBubble(FxRobot robot) throws Exception {
        long turn = assistant.nextTurn();
        assistant.emit(new VoiceEvent.StateChanged(VoiceState.IDLE, VoiceState.THINKING, turn, ""));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(turn, "count", "local")));
        Thread producer = Thread.ofVirtual().start(() -> {
            for (String word : List.of("One, ", "two, ", "three.")) {
                assistant.emit(new VoiceEvent.Reply(new TurnEvent.Text(turn, word)));
            }
        });
        producer.join();
        waitUntil(() -> bubbleTexts(robot).size() == 2 && bubbleTexts(robot).get(1).startsWith("One, two, three."));
        assertThat(bubbleTexts(robot).get(1)).isEqualTo("One, two, three. ▍"); // still streaming: a caret
        assertThat(node(robot, "stop-button").isDisabled()).isFalse();

        robot.clickOn("#stop-button");
        assertThat(assistant.calls).contains("stop");
        assistant.emit(new VoiceEvent.Interrupted(turn, "One, two,"));
        assistant.emit(new VoiceEvent.StateChanged(VoiceState.THINKING, VoiceState.INTERRUPTED, turn, "stopped"));
        waitUntil(() -> bubbleTexts(robot).get(1).equals("One, two,"));
        assertThat(robot.lookup(".tag-interrupted").queryAs(Label.class).isVisible()).isTrue();
    }
    @Test
    void switchingProviderInTheToolbarIsInstantAndChecked(FxRobot robot) throws Exception {
        providers.delayMs = 300;
        @SuppressWarnings("unchecked")
        ComboBox<ProviderSwitcherViewModel.Item> switcher = node(robot, "provider-switcher");
        robot.interact(() -> switcher.getSelectionModel().select(2));
        assertThat(((Label) node(robot, "status-provider")).getText()).isEqualTo("spare · openai-compatible · qwen (switching…)");
        waitUntil(() -> providers.switched.contains("spare"));
        waitUntil(() -> ((Label) node(robot, "status-provider")).getText().equals("spare · openai-compatible · qwen"));

        robot.interact(() -> switcher.getSelectionModel().select(1)); // "cloud" has no key: refused
        waitUntil(() -> !ui.banners().shown().isEmpty());
        waitUntil(() -> switcher.getSelectionModel().getSelectedItem().name().equals("spare"));
        assertThat(robot.lookup(".banner-message").queryAs(Label.class).getText())
                .isEqualTo("Cannot switch to cloud: set OPENAI_API_KEY (export OPENAI_API_KEY=...). Still answering with spare.");

        robot.clickOn("#provider-test");
        waitUntil(() -> ((Label) node(robot, "provider-test-result")).getText().startsWith("spare answered"));
    }
    @Test
    void anErrorShowsABannerThatCanBeDismissed(FxRobot robot) throws Exception {
        assistant.move(VoiceState.ERROR, "No microphone found: connect one, or pick the input device in Settings.");
        waitUntil(() -> node(robot, "banners").isVisible());
        assertThat(robot.lookup(".banner.error .banner-message").queryAs(Label.class).getText())
                .isEqualTo("No microphone found: connect one, or pick the input device in Settings.");
        assertThat(((Label) node(robot, "status-text")).getText()).isEqualTo("Error");
        robot.clickOn(".banner .button");
        waitUntil(() -> !node(robot, "banners").isVisible());
    }
    @Test
    void aDeviceProblemsCommandsAreBehindACopyButton(FxRobot robot) throws Exception {
        assistant.emit(new VoiceEvent.MicrophoneStatus("No audio input device found.", "pulseaudio --start"));
        waitUntil(() -> robot.lookup("Copy commands").tryQuery().isPresent());
        assertThat(robot.lookup(".banner.error .banner-message").queryAs(Label.class).getText())
                .isEqualTo("No audio input device found.");

        robot.clickOn("Copy commands");
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo("pulseaudio --start\n");
        assertThat(robot.lookup("Copied").tryQuery()).isPresent();
    }

    /** The welcome chose the built-in model in a window started without the Vector API. */
    @Test
    void aProviderThatNeedsANewStartOffersARestartButton(FxRobot robot) throws Exception {
        providers.needsRestart = "spare";
        java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> ui.providers().onRestart(restarts::incrementAndGet));

        assistant.emit(new VoiceEvent.ProviderChanged("spare", "spare · qwen"));
        waitUntil(() -> robot.lookup("Restart Parley").tryQuery().isPresent());
        robot.clickOn("Restart Parley");

        assertThat(restarts).hasValue(1);
    }
    @Test
    void theBackgroundHealthChecksReachTheProviderBanner(FxRobot robot) throws Exception {
        assistant.emit(new VoiceEvent.ProviderHealth("local", false, "connection refused"));
        waitUntil(() -> robot.lookup(".banner.warning .banner-message").tryQuery().isPresent());
        assertThat(robot.lookup(".banner.warning .banner-message").queryAs(Label.class).getText())
                .startsWith("local may not answer: connection refused.");

        assistant.emit(new VoiceEvent.ProviderHealth("local", true, ""));
        waitUntil(() -> robot.lookup(".banner.warning .banner-message").tryQuery().isEmpty());
    }
    /** At the window's narrowest, beside a long test result, every button still shows its whole label. */
    @Test
    void buttonsKeepTheirWordsInTheNarrowestWindow(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
        });
        robot.clickOn("#provider-test");
        waitUntil(() -> !robot.lookup("#provider-test-result").queryLabeled().getText().isBlank());
        WaitForAsyncUtils.waitForFxEvents();

        double sceneWidth = stage.getScene().getWidth();
        for (String id : List.of("#provider-test", "#usage-button", "#settings-button", "#theme-toggle",
                "#conversations-toggle", "#talk-button", "#send-button", "#stop-button")) {
            javafx.scene.control.Labeled button = robot.lookup(id).queryLabeled();
            assertThat(button.getWidth()).as(id + " is as wide as its label").isGreaterThanOrEqualTo(
                    Math.floor(button.prefWidth(-1)));
            assertThat(button.localToScene(button.getBoundsInLocal()).getMaxX()).as(id + " is inside the window")
                    .isLessThanOrEqualTo(sceneWidth);
        }
        assertThat(node(robot, "text-input").getLayoutBounds().getWidth()).as("room left to type a question")
                .isGreaterThanOrEqualTo(140);
    }
    @Test
    void aWideWindowShowsTheWholeTestResult(FxRobot robot) throws Exception {
        providers.testReply = "The sky is blue, mostly.";
        robot.interact(() -> stage.setWidth(1260));

        robot.clickOn("#provider-test");

        Label result = node(robot, "provider-test-result");
        waitUntil(() -> result.getText().contains("total"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((javafx.scene.text.Text) result.lookup(".text")).getText()).as("what it draws")
                .isEqualTo(result.getText());
    }
    @Test
    void theStatusBarShowsTheApiUrlWhileTheWindowServesIt(FxRobot robot) throws Exception {
        Label api = node(robot, "api-status");
        assertThat(api.isVisible()).as("off: nothing shown").isFalse();

        // As DesktopServices reports it: from the API's own thread.
        new Thread(() -> ui.api().show(ApiState.serving("http://127.0.0.1:8765", "/data/parley/api-token"))).start();
        waitUntil(api::isVisible);
        assertThat(api.getText()).isEqualTo("API: http://127.0.0.1:8765");
        assertThat(api.getTooltip().getText()).contains("/data/parley/api-token");

        ui.api().show(ApiState.failed("The control API cannot listen on 127.0.0.1:8765 (Address already in use)."));
        waitUntil(() -> !api.isVisible());
        waitUntil(() -> ui.banners().shown().stream().anyMatch(banner -> banner.message().contains("already in use")));
    }
    @Test
    void longOperationsNeverBlockTheFxThread(FxRobot robot) throws Exception {
        providers.delayMs = 1500;
        settings.delayMs = 1500;
        List<Runnable> starts = List.of(
                () -> ui.providers().switchTo(ui.providers().items().get(2)),
                () -> ui.providers().testActive(),
                () -> ui.providers().refreshHealth(),
                () -> {
                    SettingsViewModel model = ui.newSettings();
                    model.providers().fetchModels();
                    model.testMicrophone();
                    model.save();
                },
                () -> ui.main().load(List.of(new LoadStep("speech model", () -> sleep(1500)),
                        new LoadStep("voice", () -> sleep(1500)))));
        long[] slowest = {0};
        for (Runnable operation : starts) {
            long start = System.nanoTime();
            robot.interact(operation);
            slowest[0] = Math.max(slowest[0], (System.nanoTime() - start) / 1_000_000);
        }
        // While the work runs, the FX thread keeps answering within a frame or two.
        long worst = 0;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            CompletableFuture<Void> ping = new CompletableFuture<>();
            Platform.runLater(() -> ping.complete(null));
            ping.get(2, TimeUnit.SECONDS);
            worst = Math.max(worst, (System.nanoTime() - start) / 1_000_000);
            Thread.sleep(50);
        }
        assertThat(slowest[0]).as("ms the FX thread spent starting each long operation").isLessThan(400);
        assertThat(worst).as("worst FX thread response while they run, ms").isLessThan(400);
        assertThat(ui.providers().switchingProperty().get() || providers.switched.contains("spare")).isTrue();
    }
}
