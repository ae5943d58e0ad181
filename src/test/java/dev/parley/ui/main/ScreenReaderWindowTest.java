package dev.parley.ui.main;

import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.TestImages;
import dev.parley.voice.VoiceState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** What the window tells a screen reader: who said what, what a picture is, what a banner's symbols mean. */
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

    @Test
    void theConversationsListAndItsSearchSayWhatTheyAre(FxRobot robot) {
        assertThat(robot.lookup("#conversation-list").query().getAccessibleText()).isEqualTo("Saved conversations");
        assertThat(robot.lookup("#conversation-search").query().getAccessibleText())
                .isEqualTo("Search conversations by name or by what was said");
    }

    @Test
    void attachedPicturesAndTheirRemoveButtonsAreToldApart(FxRobot robot) throws Exception {
        Path first = Files.write(folder.resolve("first.png"), TestImages.png(20, 20));
        Path second = Files.write(folder.resolve("second.png"), TestImages.png(30, 20));
        Platform.runLater(() -> {
            ui.main().attachments().attachFile(first);
            ui.main().attachments().attachFile(second);
        });
        waitUntil(() -> robot.lookup("#attachments .attachment").queryAll().size() == 2);

        assertThat(robot.lookup("#attachments .image-view").queryAllAs(Node.class))
                .allMatch(picture -> picture.getAccessibleRole() == AccessibleRole.IMAGE_VIEW)
                .extracting(Node::getAccessibleText)
                .containsExactly("Attached picture 1 of 2, PNG", "Attached picture 2 of 2, PNG");
        assertThat(robot.lookup("#attachments .button").queryAllAs(Button.class)).extracting(Button::getAccessibleText)
                .containsExactly("Remove picture 1 of 2", "Remove picture 2 of 2");
    }

    @Test
    void aBannersSymbolAndDismissButtonHaveWords(FxRobot robot) throws Exception {
        assistant.move(VoiceState.ERROR, "No microphone found: connect one, or pick the input device in Settings.");
        waitUntil(() -> robot.lookup(".banner-close").tryQuery().isPresent());

        List<Label> labels = List.copyOf(robot.lookup(".banner.error .label").queryAllAs(Label.class));
        assertThat(labels.getFirst().getText()).isEqualTo("⚠");
        assertThat(labels.getFirst().getAccessibleText()).isEqualTo("Error");
        Button dismiss = robot.lookup(".banner-close").queryAs(Button.class);
        assertThat(dismiss.getAccessibleText()).isEqualTo("Dismiss error");
        assertThat(dismiss.getAccessibleHelp())
                .isEqualTo("No microphone found: connect one, or pick the input device in Settings.");
    }
}
