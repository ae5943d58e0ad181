package dev.parley.ui;

import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Dropdowns in the dark theme have no see-through margin, which a desktop without a compositor paints white. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DarkPopupsTest {

    private ComboBox<String> choice;

    @Start
    void start(Stage stage) {
        Theme.apply("dark");
        choice = new ComboBox<>();
        choice.getItems().setAll("ollama", "openai", "anthropic");
        Scene scene = new Scene(new VBox(choice), 300, 200);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aComboBoxPopupDrawsNoShadowMargin(FxRobot robot) throws Exception {
        robot.interact(choice::show);
        waitUntil(() -> popupNode(".combo-box-popup > .list-view") != null);

        assertThat(popupNode(".combo-box-popup > .list-view").getEffect()).isNull();
        robot.interact(choice::hide);
    }

    private static Node popupNode(String selector) {
        return Window.getWindows().stream().filter(window -> window.getScene() != null)
                .map(window -> window.getScene().getRoot().lookup(selector)).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }
}
