package dev.parley.ui.system;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.stage.Stage;

/** The window as the tray icon sees it: shown or not, and brought back or hidden from the menu. */
public interface TrayWindow {

    ReadOnlyBooleanProperty showingProperty();

    /** Shows the window in front and focused, restored if it was minimized. */
    void show();

    void hide();

    /** {@code stage} as the tray icon and a second start of Parley bring it back. */
    static TrayWindow of(Stage stage) {
        return new TrayWindow() {
            @Override
            public ReadOnlyBooleanProperty showingProperty() {
                return stage.showingProperty();
            }

            @Override
            public void show() {
                stage.setIconified(false);
                stage.show();
                stage.toFront();
                stage.requestFocus();
            }

            @Override
            public void hide() {
                stage.hide();
            }
        };
    }
}
