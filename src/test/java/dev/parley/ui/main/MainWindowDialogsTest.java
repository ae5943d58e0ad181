package dev.parley.ui.main;

import static dev.parley.ui.FxLookup.node;
import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationInUseException;
import dev.parley.conversation.ConversationInfo;
import dev.parley.conversation.ConversationLock;
import dev.parley.ui.settings.SettingsView;
import dev.parley.ui.settings.SettingsViewModel;
import dev.parley.ui.Theme;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's settings and conversation dialogs on headless Monocle, driven like a user would. */
@Tag("ui")
class MainWindowDialogsTest extends MainWindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void settingsRoundTripThroughTheWindowToYaml(FxRobot robot) throws Exception {
        Stage[] settingsStage = new Stage[1];
        robot.interact(() -> window.settingsOpener(model -> {
            settingsStage[0] = new Stage();
            Scene scene = new Scene(new SettingsView(model, settingsStage[0]::close), 760, 520);
            Theme.style(scene);
            settingsStage[0].setScene(scene);
            settingsStage[0].show();
        }));
        robot.clickOn("#settings-button");
        robot.clickOn("General");
        robot.clickOn("#settings-ptt-key").type(KeyCode.F8); // the key itself, not its name
        robot.clickOn("#settings-global-ptt-key").press(KeyCode.CONTROL, KeyCode.ALT).type(KeyCode.G)
                .release(KeyCode.ALT, KeyCode.CONTROL);
        robot.interact(() -> robot.lookup("#settings-theme").queryAs(ComboBox.class).setValue("dark"));
        assertThat(((Label) node(robot, "settings-api-note")).getText()).startsWith("Lets other programs on this"
                + " computer drive Parley; they need the token in ");
        robot.clickOn("#settings-api-enabled");
        robot.clickOn("Voice & audio");
        CheckBox talkOver = robot.lookup("#settings-talk-over").queryAs(CheckBox.class);
        assertThat(talkOver.isDisabled()).as("talk-over is a hands-free option").isTrue();
        robot.clickOn("#settings-hands-free");
        assertThat(talkOver.isDisabled()).isFalse();
        assertThat(talkOver.isSelected()).as("on by default").isTrue();
        robot.clickOn("#settings-talk-over");
        robot.clickOn("#settings-save");
        waitUntil(() -> ((Label) node(robot, "settings-status")).getText().startsWith("Saved to"));
        String yaml = Files.readString(settings.file);
        assertThat(yaml).contains("push-to-talk-key: F8", "global-push-to-talk-key: ctrl+alt+G", "theme: dark", "hands-free: true", "talk-over: false");
        assertThat(yaml.substring(yaml.indexOf("\napi:"))).contains("  enabled: true\n");
        assertThat(((Label) node(robot, "talk-hint")).getText()).isEqualTo("Hold F8 to talk");
        assertThat(assistant.calls).as("hands-free applies at once").contains("hands-free:true");
        robot.interact(() -> {
            settingsStage[0].close();
            Theme.apply("light");
        });
    }
    @Test
    void closingSettingsWithUnsavedEditsAsksFirst(FxRobot robot) throws Exception {
        robot.clickOn("#settings-button");
        waitUntil(() -> robot.lookup("#settings-save").tryQuery().isPresent());
        robot.clickOn("General");
        robot.clickOn("#settings-ptt-key").type(KeyCode.F9);

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#settings-discard").tryQuery().isPresent());
        robot.clickOn("Keep editing");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settings-save").tryQuery()).as("still open, edits kept").isPresent();
        assertThat(robot.lookup("#settings-ptt-key").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("F9");

        robot.clickOn("#settings-ptt-key").type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#settings-discard").tryQuery().isPresent());
        robot.clickOn("#settings-discard");
        waitUntil(() -> robot.lookup("#settings-save").tryQuery().isEmpty());
        assertThat(Files.exists(settings.file) ? Files.readString(settings.file) : "").doesNotContain("F9");
    }
    @Test
    void theRenameDialogChecksTheNameAsItIsTyped(FxRobot robot) throws Exception {
        store.save("kitchen", new Conversation("test"));
        robot.interact(() -> ui.conversations().refresh());
        waitUntil(() -> ui.conversations().saved().size() == 1);
        robot.interact(() -> {
            robot.lookup("#conversation-list").queryListView().getSelectionModel().select(0);
            robot.lookup("#conversation-list").queryListView().requestFocus();
        });
        robot.type(KeyCode.F2); // as the Rename button does
        waitUntil(() -> robot.lookup("#rename-problem").tryQuery().isPresent());
        javafx.scene.control.TextField editor = robot.lookup(".dialog-pane .text-field").queryAs(
                javafx.scene.control.TextField.class);

        robot.interact(() -> editor.setText("why? a/b"));
        assertThat(robot.lookup("#rename-problem").queryLabeled().getText()).contains("is not a valid conversation name");
        assertThat(robot.lookup("OK").queryButton().isDisabled()).isTrue();

        robot.interact(() -> editor.setText("Café plans, Paris"));
        assertThat(robot.lookup("#rename-problem").queryLabeled().getText()).isEmpty();
        robot.clickOn("OK");
        waitUntil(() -> store.exists("Café plans, Paris"));
        assertThat(store.exists("kitchen")).isFalse();
    }
    @Test
    void escClosesTheUsageWindow(FxRobot robot) throws Exception {
        robot.clickOn("#usage-button");
        waitUntil(() -> robot.lookup(".table-view").tryQuery().isPresent());
        robot.clickOn(".table-view").type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup(".table-view").tryQuery().isEmpty());
    }
    @Test
    void theUsageWindowShowsEveryColumnTitleWhole(FxRobot robot) throws Exception {
        robot.clickOn("#usage-button");
        waitUntil(() -> robot.lookup(".column-header .label").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        // A title cut to fit ends in JavaFX's "..." on screen, while the Label keeps the whole text.
        assertThat(robot.lookup(".column-header .label .text").queryAllAs(javafx.scene.text.Text.class))
                .extracting(javafx.scene.text.Text::getText)
                .contains("Provider", "First token p50", "Tokens out").noneMatch(title -> title.endsWith("..."));
        robot.clickOn(".table-view").type(KeyCode.ESCAPE);
    }

    @Test
    void renamingTheConversationOnScreenMovesItsHoldToTheNewName(FxRobot robot) throws Exception {
        store.save("kitchen", new Conversation("test"));
        robot.interact(() -> ui.conversations().resume("kitchen"));
        waitUntil(() -> "kitchen".equals(ui.conversations().currentProperty().get()));

        robot.interact(() -> ui.conversations().rename("kitchen", "pantry"));
        waitUntil(() -> "pantry".equals(ui.conversations().currentProperty().get()));

        assertThatThrownBy(() -> ConversationLock.take(store, "pantry")).isInstanceOf(ConversationInUseException.class);
        try (ConversationLock oldName = ConversationLock.take(store, "kitchen")) {
            assertThat(oldName).as("the window let the old name go").isNotNull();
        }
    }
    @Test
    void deletingAConversationAsksFirstAndANewOneLeavesNoneHighlighted(FxRobot robot) throws Exception {
        for (String name : List.of("kitchen", "garden")) {
            Conversation conversation = new Conversation("test");
            conversation.addUser("Hello from the " + name);
            store.save(name, conversation);
        }
        robot.interact(() -> ui.conversations().refresh());
        waitUntil(() -> ui.conversations().saved().size() == 2);
        robot.interact(() -> ui.conversations().resume("garden"));
        // Its own name, not any selection: the list may still show the one selected before it came anew.
        waitUntil(() -> robot.lookup("#conversation-list").queryListView().getSelectionModel().getSelectedItem()
                instanceof ConversationInfo shown && shown.name().equals("garden"));

        // The keyboard on the list, not a click: a click at its middle may land on the other row and select it.
        robot.interact(() -> robot.lookup("#conversation-list").queryListView().requestFocus());
        robot.type(KeyCode.DELETE);
        waitUntil(() -> robot.lookup("#delete-confirm").tryQuery().isPresent());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(store.list()).hasSize(2);

        robot.interact(() -> robot.lookup("#conversation-list").queryListView().requestFocus());
        robot.type(KeyCode.DELETE);
        waitUntil(() -> robot.lookup("#delete-confirm").tryQuery().isPresent());
        robot.clickOn("#delete-confirm");
        waitUntil(() -> store.list().size() == 1);
        assertThat(store.list().getFirst().name()).isEqualTo("kitchen");

        robot.interact(() -> ui.conversations().resume("kitchen"));
        waitUntil(() -> "kitchen".equals(ui.conversations().currentProperty().get()));
        robot.interact(() -> ui.conversations().saveCurrent()); // as at a turn's end: the list comes anew
        WaitForAsyncUtils.waitForFxEvents();
        sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#conversation-list").queryListView().getSelectionModel().getSelectedItem())
                .as("the shown conversation stays highlighted").isNotNull();
        robot.interact(() -> ui.conversations().startNew());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#conversation-list").queryListView().getSelectionModel().getSelectedItem())
                .as("nothing left highlighted for Delete to act on").isNull();
    }
    @Test
    void settingsValidateAsTyped(FxRobot robot) throws Exception {
        SettingsViewModel model = ui.newSettings();
        Stage[] other = new Stage[1];
        robot.interact(() -> {
            other[0] = new Stage();
            other[0].setScene(new Scene(new SettingsView(model, other[0]::close), 760, 520));
            other[0].show();
        });
        robot.clickOn("#provider-base-url").eraseText(40).write("localhost");
        waitUntil(() -> ((Label) robot.lookup("#settings-validation").query()).getText()
                .contains("base URL 'localhost' is not an http(s) URL"));
        assertThat(robot.lookup("#settings-save").query().isDisabled()).isTrue();
        robot.interact(() -> other[0].close());
    }
}
