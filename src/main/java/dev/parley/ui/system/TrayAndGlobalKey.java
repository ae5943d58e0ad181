package dev.parley.ui.system;

import dev.parley.config.UiConfig;
import dev.parley.ui.DesktopUi;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * What the main window gets beyond itself: the global talk key and the tray icon, set up from the
 * config and following every saved change, and closing the window to the tray. Built and closed on
 * the FX thread; closing unregisters the key hook and removes the icon, so the JVM can end.
 */
public final class TrayAndGlobalKey implements AutoCloseable {

    private final GlobalTalkKey globalKey;
    private final TrayPresence tray;
    private final Runnable unsubscribe;

    public TrayAndGlobalKey(DesktopUi ui, UiConfig config, Stage stage, Tray tray, GlobalKeys keys) {
        this.globalKey = new GlobalTalkKey(keys, ui.main()::pressToTalk, ui.main()::releaseToTalk, ui.tasks(),
                ui.banners());
        this.tray = new TrayPresence(tray, ui.main(), window(stage), Platform::exit, ui.tasks());
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, event -> {
            if (this.tray.hidesOnClose()) {
                event.consume();
                stage.hide();
            } else {
                Platform.setImplicitExit(true); // closing quits, as without a tray
            }
        });
        apply(config);
        this.tray.whenAnswered(this::keepRunningWhileHidden);
        unsubscribe = ui.settings().changes().subscribe(saved -> ui.tasks().onUi(() -> apply(saved.ui())));
    }

    private void apply(UiConfig config) {
        globalKey.use(config.globalPushToTalkKey());
        tray.closeToTray(config.closeToTray());
        keepRunningWhileHidden();
    }

    /**
     * Hidden to the tray, the window is JavaFX's last one: the toolkit must not end with it. Only
     * while hiding is possible, so that otherwise closing the window quits as it always did.
     */
    private void keepRunningWhileHidden() {
        Platform.setImplicitExit(!tray.hidesOnClose());
    }

    /** Whether closing the window hides it to the tray now. */
    public boolean hidesOnClose() {
        return tray.hidesOnClose();
    }

    @Override
    public void close() {
        unsubscribe.run();
        globalKey.close();
        tray.close();
    }

    private static TrayWindow window(Stage stage) {
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
            }

            @Override
            public void hide() {
                stage.hide();
            }
        };
    }
}
