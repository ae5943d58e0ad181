package dev.parley.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The settings panel in its own, non-modal window. */
final class SettingsWindow {

    private final Stage stage = new Stage();

    SettingsWindow(SettingsViewModel model, Window owner) {
        stage.initOwner(owner);
        stage.setTitle("Parley settings");
        Scene scene = new Scene(new SettingsView(model, stage::close), 760, 520);
        Theme.style(scene);
        stage.setScene(scene);
    }

    void show() {
        stage.show();
    }
}
