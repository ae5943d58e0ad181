package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The window's place over a real stage: where it opens, and what a maximized quit remembers. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {

    @TempDir
    Path folder;

    private Stage stage(FxRobot robot, Path file, WindowPlacement[] placement) {
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new StackPane(), 300, 200));
            placement[0] = WindowPlacement.restore(stage[0], file);
            stage[0].show();
        });
        return stage[0];
    }

    @Test
    void aMaximizedQuitRemembersTheSizeAndPlaceItHadBefore(FxRobot robot) throws Exception {
        Path file = folder.resolve("window.properties");
        WindowPlacement[] placement = new WindowPlacement[1];
        Stage stage = stage(robot, file, placement);
        robot.interact(() -> {
            stage.setX(40);
            stage.setY(50);
            stage.setWidth(700);
            stage.setHeight(500);
        });
        Thread.sleep(400); // then, apart from that move, the maximize

        robot.interact(() -> stage.setMaximized(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            placement[0].save();
            stage.close();
        });

        WindowState saved = WindowState.read(file);
        assertThat(saved.maximized()).isTrue();
        assertThat(saved.withMaximized(false)).isEqualTo(new WindowState(40, 50, 700, 500, false));
    }

    @Test
    void aWindowLeftOffEveryScreenOpensOnOne(FxRobot robot) throws Exception {
        Path file = folder.resolve("window.properties");
        new WindowState(50_000, 50_000, 640, 480, false).write(file);

        Stage stage = stage(robot, file, new WindowPlacement[1]);

        javafx.geometry.Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        assertThat(stage.getX()).isBetween(primary.getMinX(), primary.getMaxX() - 100);
        assertThat(stage.getY()).isBetween(primary.getMinY(), primary.getMaxY() - 100);
        robot.interact(stage::close);
    }
}
