package dev.parley.ui.main;

import dev.parley.storage.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The window's size and position, remembered between runs in a small properties file. */
public record WindowState(double x, double y, double width, double height, boolean maximized) {

    static final WindowState DEFAULT = new WindowState(Double.NaN, Double.NaN, 980, 700, false);

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
