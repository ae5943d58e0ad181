package dev.parley.ui.main;

import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** What the window tells a screen reader: who said what, and what a picture is and a banner's symbols mean. */
@Tag("ui")
class ScreenReaderWindowTest extends MainWindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void eachBubbleSaysWhoSaidWhat(FxRobot robot) throws Exception {
        robot.clickOn("#text-input").write("hello there").type(KeyCode.ENTER);
        waitUntil(() -> bubbleTexts(robot).size() == 2);
        waitUntil(() -> !bubbleTexts(robot).get(1).endsWith("▍"));

        assertThat(robot.lookup(".bubble").queryAllAs(Node.class)).extracting(Node::getAccessibleText)
                .containsExactly("You said: hello there", "Parley said: Twelve times seven is eighty-four.");
    }
}
