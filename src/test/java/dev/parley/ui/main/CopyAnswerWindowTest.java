package dev.parley.ui.main;

import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** An answer's words can be taken elsewhere: a bubble's text is copied from its context menu. */
@Tag("ui")
class CopyAnswerWindowTest extends MainWindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void aBubblesContextMenuCopiesItsWholeText(FxRobot robot) throws Exception {
        robot.clickOn("#text-input").write("hello there").type(KeyCode.ENTER);
        waitUntil(() -> bubbleTexts(robot).size() == 2);
        String answer = bubbleTexts(robot).get(1);

        javafx.scene.control.Labeled body = robot.lookup(".bubble.assistant .body").queryLabeled();
        robot.interact(() -> { // Monocle makes no context menu request of a right click: sent as the desktop does
            javafx.geometry.Bounds bounds = body.localToScreen(body.getBoundsInLocal());
            body.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, bounds.getMinX() + 5,
                    bounds.getMinY() + 5, false, null));
        });
        robot.clickOn("Copy text");

        CompletableFuture<String> copied = new CompletableFuture<>();
        Platform.runLater(() -> copied.complete(Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get(5, TimeUnit.SECONDS)).isEqualTo(answer);
    }

    @Test
    void ctrlShiftCCopiesTheLastAnswerFromTheKeyboard(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.C).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> ui.banners().shown().stream().anyMatch(b -> b.message().equals("There is no answer to copy yet.")));

        robot.clickOn("#text-input").write("hello there").type(KeyCode.ENTER);
        waitUntil(() -> bubbleTexts(robot).size() == 2);
        waitUntil(() -> !bubbleTexts(robot).get(1).endsWith("▍"));
        String answer = bubbleTexts(robot).get(1);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.C).release(KeyCode.SHIFT, KeyCode.CONTROL);

        CompletableFuture<String> copied = new CompletableFuture<>();
        waitUntil(() -> ui.banners().shown().stream().anyMatch(b -> b.message().equals("Copied Parley's last answer.")));
        Platform.runLater(() -> copied.complete(Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get(5, TimeUnit.SECONDS)).isEqualTo(answer);
    }
}
