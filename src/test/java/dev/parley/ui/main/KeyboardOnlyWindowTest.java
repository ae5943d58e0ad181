package dev.parley.ui.main;

import static dev.parley.ui.FxLookup.node;
import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.Conversation;
import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window used from the keyboard alone: Esc, where the keyboard goes after an action, and what Tab reaches. */
@Tag("ui")
class KeyboardOnlyWindowTest extends MainWindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void escStopsTheAnswerWithTheKeyboardOnTheConversationsList(FxRobot robot) throws Exception {
        savedConversation(robot, "kitchen");
        long turn = assistant.nextTurn();
        assistant.emit(new VoiceEvent.StateChanged(VoiceState.IDLE, VoiceState.THINKING, turn, ""));
        assistant.emit(new VoiceEvent.Reply(new TurnEvent.Started(turn, "count", "local")));
        waitUntil(() -> !node(robot, "stop-button").isDisabled());
        robot.interact(() -> node(robot, "conversation-list").requestFocus());

        robot.type(KeyCode.ESCAPE);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(assistant.calls).containsExactly("stop");
    }

    @Test
    void escClosesSettingsWithTheKeyboardOnTheProvidersList(FxRobot robot) throws Exception {
        robot.clickOn("#settings-button");
        waitUntil(() -> robot.lookup("#settings-providers").tryQuery().isPresent());
        robot.interact(() -> node(robot, "settings-providers").requestFocus());

        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> robot.lookup("#settings-providers").tryQuery().isEmpty());
    }

    @Test
    void dismissingABannerFromTheKeyboardMovesTheKeyboardOnAsTabWould(FxRobot robot)
            throws Exception {
        assistant.emit(new VoiceEvent.ProviderHealth("local", false, "connection refused"));
        assistant.move(VoiceState.ERROR, "No microphone found.");
        waitUntil(() -> robot.lookup(".banner").queryAll().size() == 2);
        List<Button> dismiss = List.copyOf(robot.lookup(".banner-close").queryAllAs(Button.class));
        tabTo(robot, dismiss.get(0));

        robot.type(KeyCode.SPACE);

        waitUntil(() -> robot.lookup(".banner").queryAll().size() == 1);
        assertThat(stage.getScene().getFocusOwner()).isSameAs(dismiss.get(1));
        assertThat(dismiss.get(1).isFocusVisible()).as("the ring shows where the keyboard went").isTrue();
        robot.type(KeyCode.SPACE);
        waitUntil(() -> robot.lookup(".banner").queryAll().isEmpty());
        assertThat(stage.getScene().getFocusOwner()).isSameAs(node(robot, "conversation-new"));
        assertThat(node(robot, "conversation-new").isFocusVisible()).isTrue();
    }

    @Test
    void aNewBannerLeavesTheKeyboardOnTheBannerItWasOn(FxRobot robot) throws Exception {
        assistant.move(VoiceState.ERROR, "No microphone found.");
        waitUntil(() -> robot.lookup(".banner-close").tryQuery().isPresent());
        Button dismiss = robot.lookup(".banner-close").queryAs(Button.class);
        tabTo(robot, dismiss);

        assistant.emit(new VoiceEvent.ProviderHealth("local", false, "connection refused"));

        waitUntil(() -> robot.lookup(".banner").queryAll().size() == 2);
        assertThat(stage.getScene().getFocusOwner()).isSameAs(dismiss);
        assertThat(dismiss.isFocusVisible()).isTrue();
    }

    @Test
    void openingAConversationWithEnterHandsTheKeyboardToTheTextField(FxRobot robot) throws Exception {
        savedConversation(robot, "kitchen");
        robot.interact(() -> {
            robot.lookup("#conversation-list").queryListView().getSelectionModel().select(0);
            robot.lookup("#conversation-list").queryListView().requestFocus();
        });

        robot.type(KeyCode.ENTER);

        waitUntil(() -> ui.conversations().currentProperty().get().equals("kitchen"));
        assertThat(stage.getScene().getFocusOwner()).isSameAs(node(robot, "text-input"));
        robot.write("and the oven?");
        assertThat(((TextField) node(robot, "text-input")).getText()).isEqualTo("and the oven?");
    }

    @Test
    void aNewConversationStartedFromTheKeyboardHandsItToTheTextFieldButNotFromTheMouse(FxRobot robot)
            throws Exception {
        Node create = node(robot, "conversation-new");
        tabTo(robot, create);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(node(robot, "text-input"));

        robot.clickOn("#conversation-new");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).as("Space still talks after a click").isSameAs(create);
    }

    /** Tab from the first control until {@code target} has the keyboard, as a user would reach it. */
    private void tabTo(FxRobot robot, Node target) throws Exception {
        robot.interact(() -> node(robot, "conversations-toggle").requestFocus());
        for (int presses = 0; presses < 30 && stage.getScene().getFocusOwner() != target; presses++) {
            robot.type(KeyCode.TAB);
        }
        assertThat(stage.getScene().getFocusOwner()).isSameAs(target);
        assertThat(target.isFocusVisible()).isTrue();
    }

    private void savedConversation(FxRobot robot, String name) throws Exception {
        store.save(name, new Conversation("test"));
        robot.interact(() -> ui.conversations().refresh());
        waitUntil(() -> ui.conversations().saved().size() == 1);
    }
}
