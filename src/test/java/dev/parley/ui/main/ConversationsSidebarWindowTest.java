package dev.parley.ui.main;

import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationInfo;
import dev.parley.conversation.ConversationSearch;
import java.util.List;
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

        ListCell<?> cell = cellOf(robot, LONG_NAME);
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

    @Test
    void ctrlKSearchesWhatWasSaidAndEnterOpensWhatItFound(FxRobot robot) throws Exception {
        saveTurn("kitchen", "How long do I boil an egg?", "About nine minutes for a hard-boiled egg.");
        saveTurn("travel", "When does the train to Lyon leave?", "At 10:42 from platform 3.");
        saveTurn("Tomato soup", "Ingredients?", "Tomatoes, an onion and stock.");
        robot.interact(() -> ui.conversations().refresh());
        waitUntil(() -> ui.conversations().saved().size() == 3);

        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        assertThat(robot.lookup("#conversation-search").queryAs(TextField.class).isFocused()).isTrue();
        robot.write("lyon");

        waitUntil(() -> listed(robot).equals(List.of("travel")));
        waitUntil(() -> robot.lookup("#conversation-search-status").queryLabeled().getText().equals("1 conversation"));
        ListCell<?> cell = cellOf(robot, "travel");
        assertThat(cell.getText()).as("the line that said it, not the turns and date")
                .contains("…train to Lyon leave?").doesNotContain("turn");
        assertThat(cell.getTooltip().getText()).as("whole, where the sidebar cuts it").contains("Lyon leave?");

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> listed(robot).size() == 3);
        assertThat(robot.lookup("#conversation-search").queryAs(TextField.class).getText()).isEmpty();
        assertThat(assistant.calls).as("Esc emptied the search; it stops an answer only from an empty field")
                .doesNotContain("stop");
        robot.type(KeyCode.ESCAPE);
        assertThat(assistant.calls).contains("stop");
        String before = ui.conversations().currentProperty().get();
        robot.type(KeyCode.ENTER);
        assertThat(ui.conversations().currentProperty().get()).as("Enter with nothing asked opens nothing")
                .isEqualTo(before);

        robot.write("TOMATO");
        waitUntil(() -> listed(robot).equals(List.of("Tomato soup")));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> "Tomato soup".equals(ui.conversations().currentProperty().get()));
    }

    @Test
    void aSearchThatFindsNothingSaysSo(FxRobot robot) throws Exception {
        saveTurn("kitchen", "How long do I boil an egg?", "About nine minutes.");
        robot.interact(() -> ui.conversations().refresh());
        waitUntil(() -> ui.conversations().saved().size() == 1);

        robot.clickOn("#conversation-search").write("zebra");

        waitUntil(() -> robot.lookup("#conversation-search-status").queryLabeled().getText()
                .equals("No conversation mentions \"zebra\"."));
        assertThat(listed(robot)).isEmpty();
    }

    @Test
    void aPastedPageIsCutToTheLongestQuerySearched(FxRobot robot) {
        TextField field = robot.lookup("#conversation-search").queryAs(TextField.class);

        robot.interact(() -> field.replaceSelection("\uD83D\uDE00".repeat(5_000))); // as a paste does

        assertThat(field.getLength()).isEqualTo(ConversationSearch.MAX_QUERY_CHARS);
        assertThat(field.getText()).as("no half emoji at the cut").endsWith("\uD83D\uDE00");
        robot.interact(() -> field.replaceSelection("x"));
        assertThat(field.getLength()).isEqualTo(ConversationSearch.MAX_QUERY_CHARS);
    }

    private void saveTurn(String name, String question, String answer) {
        Conversation conversation = new Conversation("test");
        conversation.addUser(question);
        conversation.addAssistant(answer);
        store.save(name, conversation);
    }

    private static List<String> listed(FxRobot robot) {
        return robot.lookup("#conversation-list").<ConversationInfo>queryListView().getItems().stream()
                .map(ConversationInfo::name).toList();
    }

    /** The list's cell showing {@code name}, once the list has laid it out (its cells may lag its items). */
    private static ListCell<?> cellOf(FxRobot robot, String name) throws Exception {
        java.util.function.Predicate<javafx.scene.Node> showsIt = found -> ((ListCell<?>) found).getItem()
                instanceof ConversationInfo info && info.name().equals(name);
        waitUntil(() -> robot.lookup("#conversation-list .list-cell").match(showsIt).tryQuery().isPresent());
        return robot.lookup("#conversation-list .list-cell").match(showsIt).query();
    }
}
