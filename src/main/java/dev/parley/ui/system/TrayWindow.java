package dev.parley.ui.system;

import javafx.beans.property.ReadOnlyBooleanProperty;

/** The window as the tray icon sees it: shown or not, and brought back or hidden from the menu. */
public interface TrayWindow {

    ReadOnlyBooleanProperty showingProperty();

    /** Shows the window in front, restored if it was minimized. */
    void show();

    void hide();
}
