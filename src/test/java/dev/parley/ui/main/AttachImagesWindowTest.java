package dev.parley.ui.main;

import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.image.ImageType;
import dev.parley.image.TurnImage;
import dev.parley.testing.TestImages;
import dev.parley.ui.DesktopUi;
import dev.parley.ui.ScriptedVoiceAssistant;
import dev.parley.ui.Tasks;
import dev.parley.ui.Theme;
import dev.parley.ui.settings.FakeSettings;
import dev.parley.usage.UsageLedger;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Pictures in the window: pasted into the input, shown as thumbnails, sent with the question. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AttachImagesWindowTest {

    @TempDir
    static Path folder;

    private ScriptedVoiceAssistant assistant;
    private DesktopUi ui;

    @Start
    void start(Stage stage) throws Exception {
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

    private static List<Node> thumbnails(FxRobot robot) {
        return List.copyOf(robot.lookup("#attachments .attachment").queryAll());
    }

    @Test
    void aPastedImageIsShownAndSentWithTheQuestion(FxRobot robot) throws Exception {
        WritableImage picture = new WritableImage(40, 30);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                picture.getPixelWriter().setColor(x, y, Color.ORANGE);
            }
        }
        WaitForAsyncUtils.asyncFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putImage(picture);
            Clipboard.getSystemClipboard().setContent(content);
        }).get();

        robot.clickOn("#text-input").write("What is this?").press(KeyCode.CONTROL).type(KeyCode.V)
                .release(KeyCode.CONTROL);
        waitUntil(() -> thumbnails(robot).size() == 1);
        assertThat(((javafx.scene.control.TextField) robot.lookup("#text-input").query()).getText())
                .isEqualTo("What is this?");

        robot.type(KeyCode.ENTER);
        waitUntil(() -> assistant.shownImages.size() == 1);
        assertThat(assistant.calls).containsExactly("ask:What is this?");
        TurnImage sent = assistant.shownImages.getFirst().getFirst();
        assertThat(sent.type()).isEqualTo(ImageType.PNG);
        BufferedImage decoded = TestImages.decode(sent.bytes());
        assertThat(decoded.getWidth()).isEqualTo(40);
        assertThat(decoded.getHeight()).isEqualTo(30);
        assertThat(new java.awt.Color(decoded.getRGB(5, 5))).isEqualTo(new java.awt.Color(255, 165, 0));
        waitUntil(() -> thumbnails(robot).isEmpty());
        // The question's bubble shows the picture it sent.
        waitUntil(() -> robot.lookup(".bubble.user .pictures .image-view").queryAll().size() == 1);
    }

    @Test
    void aThumbnailsRemoveButtonLeavesThePictureUncovered(FxRobot robot) throws Exception {
        Path file = Files.write(folder.resolve("wide.png"), TestImages.png(64, 48));
        Platform.runLater(() -> ui.main().attachments().attachFile(file));
        waitUntil(() -> thumbnails(robot).size() == 1);

        Node picture = robot.lookup("#attachments .attachment .image-view").query();
        javafx.scene.control.Button remove = robot.lookup("#attachments .attachment .button").query();
        waitUntil(() -> remove.getWidth() > 0); // laid out
        javafx.geometry.Bounds face = picture.localToScene(picture.getBoundsInLocal());
        javafx.geometry.Bounds button = remove.localToScene(remove.getBoundsInLocal());
        assertThat(button.getMinX()).as("%s beside %s", button, face).isGreaterThanOrEqualTo(face.getMaxX());
    }

    @Test
    void aFileAttachedThroughTheViewModelShowsAndCanBeRemoved(FxRobot robot) throws Exception {
        Path file = Files.write(folder.resolve("dot.png"), TestImages.png(20, 20));
        Platform.runLater(() -> ui.main().attachments().attachFile(file));
        waitUntil(() -> thumbnails(robot).size() == 1);

        robot.clickOn("#attachments .attachment .button");
        waitUntil(() -> thumbnails(robot).isEmpty());
        assertThat(ui.main().attachments().images()).isEmpty();
    }
}
