package dev.parley.ui;

import javafx.stage.Stage;

/**
 * Showing a window at the size it was given. Some window managers (Openbox, measured under Xvfb)
 * map a new JavaFX window at its minimum size, or at 200 × 200 without one, whatever size was set
 * before {@code show()}; the same size set again once it is shown is kept. Where the size was kept
 * anyway, setting it again changes nothing. A place set before {@code show()} is set again too.
 */
public final class Windows {

    private Windows() {}

    /** Shows {@code stage} at the size its scene was made with, or was set on the stage before. */
    public static void show(Stage stage) {
        double x = stage.getX();
        double y = stage.getY();
        double width = stage.getWidth();
        double height = stage.getHeight();
        double sceneWidth = stage.getScene() == null ? Double.NaN : stage.getScene().getWidth();
        double sceneHeight = stage.getScene() == null ? Double.NaN : stage.getScene().getHeight();
        stage.show();
        if (stage.isMaximized()) {
            return;
        }
        if (!Double.isNaN(x) && !Double.isNaN(y)) { // a place of its own (the main window's, remembered)
            stage.setX(x);
            stage.setY(y);
        }
        if (!Double.isNaN(width) && !Double.isNaN(height)) {
            stage.setWidth(width);
            stage.setHeight(height);
        } else if (!Double.isNaN(sceneWidth) && sceneWidth > 0) {
            // The window's frame around the scene, as the window system made it, is kept.
            stage.setWidth(sceneWidth + stage.getWidth() - stage.getScene().getWidth());
            stage.setHeight(sceneHeight + stage.getHeight() - stage.getScene().getHeight());
        }
    }
}
