package dev.parley.ui.main;

import static dev.parley.ui.FxLookup.node;
import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.Conversation;
import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
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

    private void savedConversation(FxRobot robot, String name) throws Exception {
        store.save(name, new Conversation("test"));
        robot.interact(() -> ui.conversations().refresh());
        waitUntil(() -> ui.conversations().saved().size() == 1);
    }
}
