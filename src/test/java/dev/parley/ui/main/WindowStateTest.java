package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowStateTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740);
    private static final Rectangle2D MONITOR_RIGHT = new Rectangle2D(1366, 0, 2560, 1400);

    @Test
    void aWindowLeftOnAScreenOpensWhereItWas() {
        WindowState left = new WindowState(1500, 100, 1200, 900, false);

        assertThat(left.onScreens(List.of(LAPTOP, MONITOR_RIGHT))).isEqualTo(left);
    }

    @Test
    void aWindowLeftOnAMonitorThatIsGoneOpensCentredAndFitsTheScreenLeft() {
        WindowState left = new WindowState(1500, 100, 1200, 900, true);

        WindowState shown = left.onScreens(List.of(LAPTOP));

        assertThat(shown.x()).isNaN();
        assertThat(shown.y()).isNaN();
        assertThat(shown.width()).isEqualTo(1200);
        assertThat(shown.height()).as("no taller than the laptop's screen").isEqualTo(740);
        assertThat(shown.maximized()).isTrue();
    }

    @Test
    void aWindowWhoseTitleBarIsOffTheTopOrFarLeftIsBroughtBack() {
        assertThat(new WindowState(100, -400, 800, 600, false).onScreens(List.of(LAPTOP)).x()).isNaN();
        assertThat(new WindowState(-32000, -32000, 800, 600, false).onScreens(List.of(LAPTOP)).x())
                .as("where Windows puts a minimized window").isNaN();
        assertThat(new WindowState(-600, 50, 800, 600, false).onScreens(List.of(LAPTOP)).x())
                .as("200 px of its title bar, with its buttons, still on the screen").isEqualTo(-600);
    }

    @Test
    void aWindowLargerThanTheScreenItOpensOnIsMadeToFitThatScreen() {
        WindowState left = new WindowState(100, 50, 2400, 1300, false);

        WindowState shown = left.onScreens(List.of(LAPTOP, MONITOR_RIGHT));

        assertThat(shown).as("on the laptop, where its title bar is, not sized for the larger monitor")
                .isEqualTo(new WindowState(0, 0, 1366, 740, false));
    }

    @Test
    void noScreensKnownLeavesItAsItWas() {
        WindowState left = new WindowState(10, 10, 800, 600, false);

        assertThat(left.onScreens(List.of())).isEqualTo(left);
    }

    @Test
    void theRememberedSizeSurvivesAMaximizedQuit(@TempDir Path home) throws Exception {
        Path file = home.resolve("window.properties");
        new WindowState(40, 50, 900, 650, false).write(file);

        WindowState.read(file).withMaximized(true).write(file);

        assertThat(WindowState.read(file)).isEqualTo(new WindowState(40, 50, 900, 650, true));
        assertThat(Files.size(file)).isPositive();
    }
}
