package dev.parley.ui.system;

import static dev.parley.ui.FxLookup.node;
import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.UiConfig;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.ui.DesktopUi;
import dev.parley.ui.ScriptedVoiceAssistant;
import dev.parley.ui.Tasks;
import dev.parley.ui.Theme;
import dev.parley.ui.main.FakeProviders;
import dev.parley.ui.main.MainWindow;
import dev.parley.ui.settings.FakeSettings;
import dev.parley.usage.UsageLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing the window with {@code ui.close-to-tray} on, over a fake tray and a fake key hook: the window
 * hides instead of closing and the tray's Show brings it back; without a tray it closes as before.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CloseToTrayWindowTest {

    @TempDir
    static Path folder;

    private final FakeTray tray = new FakeTray(true);
    private final FakeGlobalKeys keys = new FakeGlobalKeys();
    private final List<Boolean> closeRequestsConsumed = new CopyOnWriteArrayList<>();
    /** What Parley set JavaFX's implicit exit to, last: the shared test toolkit keeps its own. */
    private volatile boolean implicitExit;
    private ScriptedVoiceAssistant assistant;
    private DesktopUi ui;
    private Stage stage;
    private TrayAndGlobalKey trayAndKey;

    @Start
    void start(Stage stage) throws Exception {
        Platform.setImplicitExit(false); // a window closed by a test must not end the shared toolkit
        this.stage = stage;
        Path home = Files.createTempDirectory(folder, "home");
        assistant = new ScriptedVoiceAssistant();
        ui = DesktopUi.create(assistant, new FakeProviders(0), new FakeSettings(home.resolve("config.yaml"), 0),
                new ConversationStore(home.resolve("conversations")), () -> new Conversation("test"),
                new UsageLedger(home.resolve("usage.jsonl")), Tasks.forFx());
        Theme.apply("light");
        new MainWindow(ui, stage);
        stage.show();
        ui.main().load(List.of());
    }

    /** Sets both up as ParleyApp does, then records whether each close request was consumed. */
    private void trayAndKey(FakeTray withTray, boolean closeToTray) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            trayAndKey = new TrayAndGlobalKey(ui, new UiConfig("SPACE", "light", "F8", closeToTray), stage, withTray, keys,
                    exits -> implicitExit = exits);
            stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, event -> closeRequestsConsumed.add(event.isConsumed()));
        }).get();
    }

    /** What the window system does when the user clicks the close button. */
    private void closeButton() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))).get();
    }

    @AfterEach
    void restoreToolkit() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (trayAndKey != null) {
                trayAndKey.close();
            }
        }).get();
    }

    @Test
    void closingHidesTheWindowToTheTrayAndShowBringsItBack(FxRobot robot) throws Exception {
        trayAndKey(tray, true);
        waitUntil(() -> trayAndKey.hidesOnClose());
        assertThat(implicitExit).as("the toolkit outlives the hidden window").isFalse();

        closeButton();
        waitUntil(() -> !stage.isShowing());
        assertThat(closeRequestsConsumed).containsExactly(true);
        assertThat(tray.last().windowItem()).isEqualTo("Show window");
        assertThat(tray.removed).as("the icon stays while the window is hidden").isFalse();

        tray.menu.showOrHideWindow();
        waitUntil(stage::isShowing);
        assertThat(((Label) node(robot, "status-text")).getText()).isEqualTo("Ready");
        waitUntil(() -> tray.last().windowItem().equals("Hide window"));
    }

    @Test
    void closedWhileTheTrayWasStillStartingTheWindowHidesThereOnceItIsUp() throws Exception {
        CountDownLatch installing = new CountDownLatch(1);
        FakeTray slowTray = new FakeTray(true, installing);
        trayAndKey(slowTray, true);
        WaitForAsyncUtils.asyncFx(() -> trayAndKey.closeOnceTrayAnswered()).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("nothing to hide into yet").isTrue();
        closeButton(); // impatient: a second click while the tray starts
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("the second click does not quit Parley").isTrue();

        installing.countDown();

        waitUntil(() -> !stage.isShowing());
        assertThat(implicitExit).as("hidden, not quit").isFalse();
        assertThat(slowTray.removed).isFalse();
    }

    @Test
    void closedWhileTheTrayWasStillStartingOnADesktopWithoutOneQuits() throws Exception {
        CountDownLatch installing = new CountDownLatch(1);
        trayAndKey(new FakeTray(false, installing), true);
        WaitForAsyncUtils.asyncFx(() -> trayAndKey.closeOnceTrayAnswered()).get();

        installing.countDown();

        waitUntil(() -> !stage.isShowing());
        assertThat(implicitExit).as("closing the last window ends JavaFX, so Parley quits").isTrue();
    }

    @Test
    void withoutATrayClosingStillQuits() throws Exception {
        trayAndKey(new FakeTray(false), true);
        WaitForAsyncUtils.waitForFxEvents();

        closeButton();

        assertThat(closeRequestsConsumed).containsExactly(false);
        assertThat(stage.isShowing()).as("closed").isFalse();
        assertThat(implicitExit).as("closing the last window ends JavaFX, so Parley quits").isTrue();
    }

    @Test
    void theGlobalKeyTalksWhileTheWindowIsHidden() throws Exception {
        trayAndKey(tray, true);
        waitUntil(() -> keys.running() && trayAndKey.hidesOnClose());
        closeButton();
        waitUntil(() -> !stage.isShowing());

        keys.press("F8");
        keys.press("F8");
        waitUntil(() -> tray.last().icon() == TrayLook.Icon.LISTENING);
        keys.release("F8");
        waitUntil(() -> tray.last().icon() == TrayLook.Icon.IDLE);

        assertThat(assistant.calls).containsExactly("press", "release");
    }
}
