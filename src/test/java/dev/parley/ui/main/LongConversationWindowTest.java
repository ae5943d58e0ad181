package dev.parley.ui.main;

import static dev.parley.ui.FxLookup.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.conversation.Turn;
import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A saved conversation of hundreds of turns opens on its newest ones; earlier ones come on request. */
@Tag("ui")
class LongConversationWindowTest extends MainWindowFixture {

    private static final int B = TranscriptTail.BATCH;

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
        stage.setHeight(600);
    }

    @Test
    void aLongConversationOpensOnItsNewestTurnsAtTheBottom(FxRobot robot) {
        open(robot);

        assertThat(bubbleTexts(robot)).containsExactlyElementsOf(texts(2 * B, 3 * B));
        assertThat(robot.lookup("#earlier-turns").queryAs(Button.class).getText())
                .isEqualTo("Show " + B + " earlier turns · " + 2 * B + " not shown");
        assertThat(robot.lookup("#transcript").queryAs(ScrollPane.class).getVvalue()).isEqualTo(1);
    }

    @Test
    void theButtonAddsTheEarlierTurnsAboveInOrderWithoutMovingWhatWasShown(FxRobot robot) {
        open(robot);
        ScrollPane transcript = node(robot, "transcript");
        Node firstShown = bubble(robot, "question " + B);
        scrollNearTheTop(robot); // the user read up to the button
        double screenY = firstShown.localToScreen(0, 0).getY();

        robot.clickOn("#earlier-turns");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bubbleTexts(robot)).containsExactlyElementsOf(texts(B, 3 * B));
        assertThat(firstShown.localToScreen(0, 0).getY()).as("what the user read stays where it was")
                .isCloseTo(screenY, within(1.0));
        assertThat(robot.lookup("#earlier-turns").queryAs(Button.class).getText())
                .isEqualTo("Show " + B + " earlier turns · " + B + " not shown");

        scrollNearTheTop(robot);
        robot.clickOn("#earlier-turns");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bubbleTexts(robot)).containsExactlyElementsOf(texts(0, 3 * B));
        assertThat(robot.lookup("#earlier-turns").tryQuery()).as("nothing is left to show").isEmpty();
    }

    @Test
    void scrollingToTheTopAddsTheEarlierTurnsAndKeepsTheViewOnWhatWasRead(FxRobot robot) {
        open(robot);
        ScrollPane transcript = node(robot, "transcript");
        Node firstShown = bubble(robot, "question " + B);
        scrollNearTheTop(robot);
        double screenY = firstShown.localToScreen(0, 0).getY();

        robot.interact(() -> transcript.setVvalue(0));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bubbleTexts(robot)).containsExactlyElementsOf(texts(B, 3 * B));
        assertThat(transcript.getVvalue()).isGreaterThan(0);
        assertThat(firstShown.localToScreen(0, 0).getY()).isCloseTo(screenY, within(1.0));
    }

    @Test
    void aNewTurnStillAppearsAtTheBottomOfALongConversation(FxRobot robot) {
        open(robot);
        scrollNearTheTop(robot);
        robot.clickOn("#earlier-turns");

        robot.interact(() -> assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(1, "and now?", "scripted"))));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> shown = bubbleTexts(robot);
        assertThat(shown).hasSize(2 * B + 2);
        assertThat(shown.getFirst()).isEqualTo("question " + B / 2);
        assertThat(shown.get(shown.size() - 2)).isEqualTo("and now?");
        assertThat(robot.lookup("#transcript").queryAs(ScrollPane.class).getVvalue()).isEqualTo(1);
    }

    /**
     * Rows taken out and put back are styled and measured again, all of them: with a whole 2,000-turn
     * conversation shown, each new turn froze the window for a second. The rows already shown stay put.
     */
    @Test
    void aNewTurnOrAnEarlierBatchLeavesTheShownBubblesInPlace(FxRobot robot) {
        open(robot);
        Node row = bubble(robot, "answer " + (3 * B / 2 - 1)).getParent().getParent();
        List<Object> parents = new ArrayList<>();
        row.parentProperty().addListener((obs, old, now) -> parents.add(now));

        robot.interact(() -> assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(1, "and now?", "scripted"))));
        scrollNearTheTop(robot);
        robot.clickOn("#earlier-turns");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bubbleTexts(robot)).hasSize(2 * B + 2);
        assertThat(parents).as("the row was never taken out").isEmpty();
    }

    /**
     * The last batch shown from the keyboard takes the button away: the keyboard goes on as Tab would, its
     * ring showing, not back to the window's first control without one (where Space talked).
     */
    @Test
    void showingTheLastBatchFromTheKeyboardMovesTheKeyboardOnAsTabWould(FxRobot robot) {
        open(robot);
        Button earlier = robot.lookup("#earlier-turns").queryAs(Button.class);
        tabBackTo(robot, earlier);

        while (robot.lookup("#earlier-turns").tryQuery().isPresent()) {
            assertThat(stage.getScene().getFocusOwner()).isSameAs(earlier);
            robot.type(KeyCode.SPACE);
            WaitForAsyncUtils.waitForFxEvents();
        }

        assertThat(bubbleTexts(robot)).containsExactlyElementsOf(texts(0, 3 * B));
        assertThat(stage.getScene().getFocusOwner()).isSameAs(node(robot, "talk-button"));
        assertThat(stage.getScene().getFocusOwner().isFocusVisible()).isTrue();
        assertThat(ui.main().talkingProperty().get()).isFalse();
    }

    /**
     * Tab brings the button into view, which scrolls to the top: that loaded a batch above it and scrolled
     * the button, with the keyboard on it, out of sight. The button waits to be pressed, in view.
     */
    @Test
    void tabbingToTheButtonShowsItWithoutLoadingABatch(FxRobot robot) {
        open(robot);
        Button earlier = robot.lookup("#earlier-turns").queryAs(Button.class);

        tabBackTo(robot, earlier);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bubbleTexts(robot)).containsExactlyElementsOf(texts(2 * B, 3 * B));
        ScrollPane transcript = node(robot, "transcript");
        assertThat(transcript.localToScreen(transcript.getBoundsInLocal())
                .contains(earlier.localToScreen(earlier.getBoundsInLocal()))).as("the button is in view").isTrue();
    }

    /** A click leaves the button focused, without its ring: scrolling to the top still loads the next batch. */
    @Test
    void scrollingToTheTopStillLoadsAfterAClickOnTheButton(FxRobot robot) {
        open(robot);
        scrollNearTheTop(robot);
        robot.clickOn("#earlier-turns");
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane transcript = node(robot, "transcript");

        robot.interact(() -> transcript.setVvalue(0));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bubbleTexts(robot)).containsExactlyElementsOf(texts(0, 3 * B));
    }

    /** Shift+Tab from the text field, as a keyboard user reaches the transcript's button. */
    private void tabBackTo(FxRobot robot, Node target) {
        robot.interact(() -> node(robot, "text-input").requestFocus());
        for (int presses = 0; presses < 5 && stage.getScene().getFocusOwner() != target; presses++) {
            robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        }
        assertThat(stage.getScene().getFocusOwner()).isSameAs(target);
    }

    private void open(FxRobot robot) {
        Instant at = Instant.parse("2026-12-07T09:00:00Z");
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < 3 * B / 2; i++) { // three batches
            turns.add(Turn.user("question " + i, at));
            turns.add(Turn.assistant("answer " + i, at, null, false));
        }
        robot.interact(() -> ui.main().showTurns(turns));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls to a hair below the top (a hundredth of a pixel, well within the checks' pixel), the button in view. */
    private static void scrollNearTheTop(FxRobot robot) {
        ScrollPane transcript = node(robot, "transcript");
        robot.interact(() -> transcript.setVvalue(0.01 / scrollable(transcript)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double scrollable(ScrollPane pane) {
        return ((javafx.scene.layout.Region) pane.getContent()).getHeight() - pane.getViewportBounds().getHeight();
    }

    /** The bubble texts of entries {@code from} (inclusive) to {@code to} of the conversation. */
    private static List<String> texts(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> (i % 2 == 0 ? "question " : "answer ") + i / 2).toList();
    }

    private static Node bubble(FxRobot robot, String text) {
        return robot.lookup(".bubble .body").match(found -> text.equals(((Label) found).getText())).query();
    }
}
