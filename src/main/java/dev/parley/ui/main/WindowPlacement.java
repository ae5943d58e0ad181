package dev.parley.ui.main;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the window opens, and what it remembers when it closes: the bounds it last had while neither
 * maximized nor minimized (the size a maximized window returns to), and whether it was maximized.
 */
public final class WindowPlacement {

    /**
     * A maximize arrives as a burst of position and size changes, and the window system may report
     * them before the window reports being maximized: bounds this recent are the maximize's own.
     */
    private static final long BURST_NANOS = 300_000_000L;

    private final Stage stage;
    private final Path file;
    private WindowState normal;
    private WindowState beforeBurst;
    private long changedAt;

    private WindowPlacement(Stage stage, Path file, WindowState normal) {
        this.stage = stage;
        this.file = file;
        this.normal = normal;
        this.beforeBurst = normal;
    }

    /** Sizes and places {@code stage} as {@code file} remembers it, on a screen that is there today. */
    public static WindowPlacement restore(Stage stage, Path file) {
        List<Rectangle2D> screens = new ArrayList<>();
        screens.add(Screen.getPrimary().getVisualBounds()); // where a window with no place of its own opens
        Screen.getScreens().stream().filter(screen -> !screen.equals(Screen.getPrimary()))
                .forEach(screen -> screens.add(screen.getVisualBounds()));
        WindowState state = WindowState.read(file).onScreens(screens);
        stage.setWidth(state.width());
        stage.setHeight(state.height());
        if (!Double.isNaN(state.x()) && !Double.isNaN(state.y())) {
            stage.setX(state.x());
            stage.setY(state.y());
        }
        stage.setMaximized(state.maximized());
        WindowPlacement placement = new WindowPlacement(stage, file, state.withMaximized(false));
        InvalidationListener moved = observable -> placement.moved();
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        stage.maximizedProperty().addListener((obs, was, maximized) -> {
            if (maximized && System.nanoTime() - placement.changedAt < BURST_NANOS) {
                placement.normal = placement.beforeBurst;
            }
        });
        return placement;
    }

    private void moved() {
        if (stage.isMaximized() || stage.isIconified() || !stage.isShowing()) {
            return;
        }
        long now = System.nanoTime();
        if (now - changedAt >= BURST_NANOS) {
            beforeBurst = normal;
        }
        changedAt = now;
        normal = new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    }

    /** Writes where the window is now: its normal bounds, and whether it is maximized. */
    public void save() {
        normal.withMaximized(stage.isMaximized()).write(file);
    }
}
