package dev.parley.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The settings panel in its own, non-modal window. */
public final class SettingsWindow {

    private final Stage stage = new Stage();

    public SettingsWindow(SettingsViewModel model, Window owner) {
        stage.initOwner(owner);
        stage.setTitle("Parley settings");
        Scene scene = new Scene(new SettingsView(model, stage::close), 760, 520);
        Theme.style(scene);
        stage.setScene(scene);
    }

    public void show() {
        stage.show();
    }
}
