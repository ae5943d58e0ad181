package dev.parley.ui.main;

import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.Conversation;
import javafx.geometry.Orientation;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The saved conversations beside the transcript, with names longer than the sidebar is wide. */
@Tag("ui")
class ConversationsSidebarWindowTest extends MainWindowFixture {

    private static final String LONG_NAME = "Planning the summer holiday in the mountains with the whole family";

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void aLongNameEndsInAnEllipsisInsteadOfScrollingTheListSideways(FxRobot robot) throws Exception {
        store.save(LONG_NAME, new Conversation("test"));
        robot.interact(() -> ui.conversations().refresh());
        waitUntil(() -> ui.conversations().saved().size() == 1);

        ListCell<?> cell = robot.lookup("#conversation-list .list-cell").match(found -> ((ListCell<?>) found)
                .getItem() != null).query();
        String shown = ((Text) cell.lookup(".text")).getText();
        assertThat(shown).startsWith("Planning the").contains("...").doesNotContain("whole family");
        assertThat(shown).as("the turns and date line stays").contains("turn");
        assertThat(robot.lookup("#conversation-list .scroll-bar").queryAllAs(ScrollBar.class))
                .filteredOn(bar -> bar.getOrientation() == Orientation.HORIZONTAL)
                .allSatisfy(bar -> assertThat(bar.isVisible()).isFalse());
    }
    @Test
    void theRenameFieldShowsAWholeDefaultName(FxRobot robot) throws Exception {
        String name = "chat-2026-12-07-141242";
        store.save(name, new Conversation("test"));
        robot.interact(() -> ui.conversations().refresh());
        waitUntil(() -> ui.conversations().saved().size() == 1);
        robot.interact(() -> {
            robot.lookup("#conversation-list").queryListView().getSelectionModel().select(0);
            robot.lookup("#conversation-list").queryListView().requestFocus();
        });

        robot.type(KeyCode.F2);

        waitUntil(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        TextField editor = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        Text measured = new Text(name);
        measured.setFont(editor.getFont());
        assertThat(editor.getWidth() - editor.getInsets().getLeft() - editor.getInsets().getRight())
                .isGreaterThan(measured.getLayoutBounds().getWidth());
        robot.type(KeyCode.ESCAPE);
    }
}
