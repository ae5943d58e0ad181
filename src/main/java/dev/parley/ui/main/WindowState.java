package dev.parley.ui.main;

import dev.parley.storage.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javafx.geometry.Rectangle2D;

/**
 * The window's size and position, remembered between runs in a small properties file: its bounds
 * when last neither maximized nor minimized, and whether it was maximized.
 */
public record WindowState(double x, double y, double width, double height, boolean maximized) {

    static final WindowState DEFAULT = new WindowState(Double.NaN, Double.NaN, 980, 700, false);

    /** How much of the title bar must be on a screen for the window to be dragged back by it. */
    private static final double TITLE_BAR_GRIP = 120;
    private static final double TITLE_BAR_HEIGHT = 30;

    public static WindowState read(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return new WindowState(number(properties, "x", Double.NaN), number(properties, "y", Double.NaN),
                    Math.max(480, number(properties, "width", DEFAULT.width)),
                    Math.max(360, number(properties, "height", DEFAULT.height)),
                    Boolean.parseBoolean(properties.getProperty("maximized", "false")));
        } catch (IOException | RuntimeException e) {
            return DEFAULT;
        }
    }

    /**
     * This state as it can be shown on {@code screens} (their visual bounds, the primary first) today:
     * where it was when its title bar is still on one of them, else centred on the primary (a monitor
     * unplugged, a smaller screen); no larger than the screen it opens on.
     */
    public WindowState onScreens(List<Rectangle2D> screens) {
        if (screens.isEmpty()) {
            return this;
        }
        Optional<Rectangle2D> holding = Double.isNaN(x) || Double.isNaN(y) ? Optional.empty()
                : screens.stream().filter(screen -> titleBarOn(screen, width)).findFirst();
        Rectangle2D opensOn = holding.orElse(screens.getFirst());
        double shownWidth = Math.min(width, opensOn.getWidth());
        double shownHeight = Math.min(height, opensOn.getHeight());
        if (holding.isEmpty()) {
            return new WindowState(Double.NaN, Double.NaN, shownWidth, shownHeight, maximized);
        }
        // Kept where it was, but pulled in so that the size it was given fits on that screen.
        double shownX = Math.max(opensOn.getMinX(), Math.min(x, opensOn.getMaxX() - shownWidth));
        double shownY = Math.max(opensOn.getMinY(), Math.min(y, opensOn.getMaxY() - shownHeight));
        return new WindowState(x < opensOn.getMinX() ? x : shownX, y < opensOn.getMinY() ? y : shownY, shownWidth,
                shownHeight, maximized);
    }

    /** Whether at least {@link #TITLE_BAR_GRIP} pixels of the title bar's strip (30 px high) are on {@code screen}. */
    private boolean titleBarOn(Rectangle2D screen, double shownWidth) {
        double across = Math.min(x + shownWidth, screen.getMaxX()) - Math.max(x, screen.getMinX());
        double down = Math.min(y + TITLE_BAR_HEIGHT, screen.getMaxY()) - Math.max(y, screen.getMinY());
        return across >= Math.min(shownWidth, TITLE_BAR_GRIP) && down > 0;
    }

    public WindowState withMaximized(boolean now) {
        return new WindowState(x, y, width, height, now);
    }

    public void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("x", Double.toString(x));
        properties.setProperty("y", Double.toString(y));
        properties.setProperty("width", Double.toString(width));
        properties.setProperty("height", Double.toString(height));
        properties.setProperty("maximized", Boolean.toString(maximized));
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            properties.store(bytes, "Parley window");
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException ignored) {
            // Losing the window position is not worth an error.
        }
    }

    private static double number(Properties properties, String key, double fallback) {
        String value = properties.getProperty(key);
        return value == null ? fallback : Double.parseDouble(value);
    }
}
