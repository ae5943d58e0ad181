package dev.parley.ui.system;

/**
 * Parley's icon in the desktop's system tray, with its menu: Show/Hide window, Mute microphone, Quit.
 * Implementations do their toolkit's work on its own thread; every method returns at once.
 */
public interface Tray {

    /**
     * Puts the icon in the tray; false when the desktop has no tray (nothing is shown then). The
     * menu's choices reach {@code menu} on the tray's own thread.
     */
    boolean install(TrayMenu menu);

    /** Shows what Parley is doing now: the icon, its tooltip and the menu's labels follow {@code look}. */
    void show(TrayLook look);

    /** Takes the icon out of the tray. */
    void remove();

    /** What the menu's entries do. */
    interface TrayMenu {
        void showOrHideWindow();

        void mute(boolean on);

        void quit();
    }
}
