package dev.parley.ui.system;

import dev.parley.config.UiConfig;
import dev.parley.ui.DesktopUi;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * What the main window gets beyond itself: the global talk key and the tray icon, set up from the
 * config and following every saved change, and closing the window to the tray. Built and closed on
 * the FX thread; closing unregisters the key hook and removes the icon, so the JVM can end.
 */
public final class TrayAndGlobalKey implements AutoCloseable {

    private static final javafx.util.Duration TRAY_ANSWER_WAIT = javafx.util.Duration.seconds(5);

    private final GlobalTalkKey globalKey;
    private final TrayPresence tray;
    private final Runnable unsubscribe;
    private final Consumer<Boolean> implicitExit;
    private final Stage stage;
    private final EventHandler<WindowEvent> closing = this::closing;
    /** A close made before the tray answered, waiting for it ({@link #closeOnceTrayAnswered}). */
    private boolean closeWaiting;

    public TrayAndGlobalKey(DesktopUi ui, UiConfig config, Stage stage, Tray tray, GlobalKeys keys) {
        this(ui, config, stage, tray, keys, Platform::setImplicitExit);
    }

    /** {@code implicitExit}: JavaFX's implicit exit switch, which tests sharing one toolkit must not flip. */
    TrayAndGlobalKey(DesktopUi ui, UiConfig config, Stage stage, Tray tray, GlobalKeys keys,
            Consumer<Boolean> implicitExit) {
        this.implicitExit = implicitExit;
        this.globalKey = new GlobalTalkKey(keys, ui.main()::pressToTalk, ui.main()::releaseToTalk, ui.tasks(),
                ui.banners());
        this.tray = new TrayPresence(tray, ui.main(), TrayWindow.of(stage), Platform::exit, ui.tasks());
        this.stage = stage;
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, closing);
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
        implicitExit.accept(!tray.hidesOnClose());
    }

    private void closing(WindowEvent event) {
        if (closeWaiting) {
            event.consume(); // a second click while the first waits for the tray: that one decides
        } else if (tray.hidesOnClose()) {
            event.consume();
            stage.hide();
        } else {
            implicitExit.accept(true); // closing quits, as without a tray
        }
    }

    /**
     * The window was closed before this existed (during the start, before the tray's turn): once the
     * tray answered, it hides there if {@code ui.close-to-tray} says so, or closes as without a tray.
     */
    public void closeOnceTrayAnswered() {
        closeWaiting = true;
        // A tray that never answers (a hung desktop service) must not keep the window from closing.
        PauseTransition noAnswer = new PauseTransition(TRAY_ANSWER_WAIT);
        noAnswer.setOnFinished(event -> closeWaitingAs(false));
        noAnswer.play();
        tray.whenAnswered(() -> {
            noAnswer.stop();
            closeWaitingAs(tray.hidesOnClose());
        });
    }

    private void closeWaitingAs(boolean hide) {
        if (!closeWaiting) {
            return;
        }
        closeWaiting = false;
        if (hide) {
            stage.hide();
        } else {
            implicitExit.accept(true);
            stage.close();
        }
    }

    /** Whether closing the window hides it to the tray now. */
    public boolean hidesOnClose() {
        return tray.hidesOnClose();
    }

    @Override
    public void close() {
        unsubscribe.run();
        stage.removeEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, closing);
        globalKey.close();
        tray.close();
    }
}
