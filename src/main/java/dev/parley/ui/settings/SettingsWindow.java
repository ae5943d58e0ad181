package dev.parley.ui.settings;

import dev.parley.ui.Windows;
import dev.parley.ui.Confirmation;
import dev.parley.ui.EscapeKey;
import dev.parley.ui.Theme;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The settings panel in its own, non-modal window; closing it with unsaved edits asks first. */
public final class SettingsWindow {

    private final Stage stage = new Stage();
    private final SettingsViewModel model;

    public SettingsWindow(SettingsViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.setTitle("Parley settings");
        Scene scene = new Scene(new SettingsView(model, this::closeIfAllowed), 760, 520);
        Theme.style(scene);
        EscapeKey.does(scene, this::closeIfAllowed);
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> { // the title bar's close button
            if (!mayClose()) {
                event.consume();
            }
        });
    }

    public void show() {
        Windows.show(stage);
    }

    /** Close and Esc. */
    private void closeIfAllowed() {
        if (mayClose()) {
            stage.close();
        }
    }

    /**
     * Not while a save is under way (it may fail, and its "Not saved" would go to a closed window:
     * it takes a moment); edits not saved would be lost without a word: asked, "Keep editing" the default.
     */
    private boolean mayClose() {
        if (model.savingProperty().get()) {
            return false;
        }
        if (!model.hasUnsavedChanges()) {
            return true;
        }
        return new Confirmation("Unsaved settings", "Close without saving?", "Your changes are not saved yet. Keep"
                + " editing and press Save, or close without them.", "Close without saving", "settings-discard",
                "Keep editing").ask(stage);
    }
}
