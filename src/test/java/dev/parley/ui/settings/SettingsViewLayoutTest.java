package dev.parley.ui.settings;

import static dev.parley.ui.FxLookup.node;
import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.Tasks;
import dev.parley.ui.Theme;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The settings window made short, on headless Monocle: what it says stays readable. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SettingsViewLayoutTest {

    @TempDir
    static Path folder;

    @Start
    void start(Stage stage) {
        SettingsViewModel model = new SettingsViewModel(new FakeSettings(folder.resolve("config.yaml"), 0), Tasks.forFx());
        Scene scene = new Scene(new SettingsView(model, stage::close), 760, 420); // shorter than it opens: a user made it so, or a big font
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aShortWindowWithTheLongSavedMessageLeavesTheTabsNotesWhole(FxRobot robot) throws Exception {
        robot.clickOn("#settings-save");
        waitUntil(() -> ((Label) node(robot, "settings-status")).getText().startsWith("Saved to"));

        assertThat(shownText(robot, "settings-key-note")).isEqualTo(((Label) node(robot, "settings-key-note")).getText());
        robot.clickOn("Voice & audio");
        assertThat(shownText(robot, "settings-audio-note"))
                .isEqualTo(((Label) node(robot, "settings-audio-note")).getText());
    }

    @Test
    void removeOffForTheActiveProviderSaysWhyUnderIt(FxRobot robot) throws Exception {
        assertThat(node(robot, "provider-remove").isDisabled()).isTrue();

        assertThat(node(robot, "provider-remove-why").isVisible()).isTrue();
        assertThat(shownText(robot, "provider-remove-why"))
                .isEqualTo("Switch to another provider before removing this one.");
    }

    @Test
    void theSystemPromptSaysWhichConversationsUseIt(FxRobot robot) throws Exception {
        robot.clickOn("General");

        assertThat(shownText(robot, "settings-prompt-note")).isEqualTo("New conversations use it, and the open one"
                + " until its first question; a conversation with turns keeps the prompt it began with.");
    }

    /** What {@code id}'s label draws: its text, or less ending in "…" when its room cuts it. */
    private static String shownText(FxRobot robot, String id) throws Exception {
        Label label = node(robot, id);
        waitUntil(() -> label.lookup(".text") != null);
        return ((Text) label.lookup(".text")).getText().replace("\n", " ").replaceAll(" +", " ").strip();
    }
}
