package dev.parley.ui.system;

import dev.parley.ui.Tasks;
import dev.parley.ui.main.MainViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The tray icon's wiring: it follows the assistant's state, the mute switch and the window, and
 * its menu shows or hides the window, mutes the microphone and quits. Also decides whether closing
 * the window hides it ({@code ui.close-to-tray} and a tray exists). Menu choices arrive on the tray's
 * thread and are handled on the UI thread; everything else runs on the UI thread.
 */
public final class TrayPresence implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(TrayPresence.class);

    private final Tray tray;
    private final MainViewModel main;
    private final TrayWindow window;
    private final InvalidationListener refresh = observable -> refresh();
    private boolean installed;
    /** Whether install() answered yet: only then can "no tray" be told. */
    private boolean answered;
    private boolean closeToTray;
    private boolean toldNoTray;
    private boolean closed;
    private final List<Runnable> onAnswered = new ArrayList<>();

    /** Installs the icon in the background (the toolkit may take a moment to start); {@code quit} ends Parley. */
    public TrayPresence(Tray tray, MainViewModel main, TrayWindow window, Runnable quit, Tasks tasks) {
        this.tray = tray;
        this.main = main;
        this.window = window;
        Tray.TrayMenu menu = new Tray.TrayMenu() {
            @Override
            public void showOrHideWindow() {
                tasks.onUi(() -> {
                    if (window.showingProperty().get()) {
                        window.hide();
                    } else {
                        window.show();
                    }
                });
            }

            @Override
            public void mute(boolean on) {
                tasks.onUi(() -> main.setMuted(on));
            }

            @Override
            public void quit() {
                tasks.onUi(quit);
            }
        };
        tasks.run(() -> tray.install(menu), this::installed, failure -> {
            LOG.warn("No tray icon: {}", Tasks.message(failure));
            installed(false);
        });
    }

    private void installed(boolean done) {
        if (closed) {
            if (done) {
                tray.remove();
            }
            return;
        }
        installed = done;
        answered = true;
        if (done) {
            main.stateProperty().addListener(refresh);
            main.mutedProperty().addListener(refresh);
            window.showingProperty().addListener(refresh);
            refresh();
        }
        closeToTray(closeToTray);
        onAnswered.forEach(Runnable::run);
    }

    /** Runs {@code then} once the tray answered whether it has the icon (on the UI thread), when that may change {@link #hidesOnClose()}. */
    public void whenAnswered(Runnable then) {
        if (answered) {
            then.run();
        } else {
            onAnswered.add(then);
        }
    }

    private void refresh() {
        tray.show(new TrayLook(main.stateProperty().get(), main.mutedProperty().get(), window.showingProperty().get()));
    }

    /** Whether the tray icon is there (false until it was installed, and on desktops without a tray). */
    public boolean installed() {
        return installed;
    }

    /** Closing the window hides it to the tray from now on ({@code ui.close-to-tray}), where a tray exists. */
    public void closeToTray(boolean on) {
        closeToTray = on;
        if (on && answered && !installed && !toldNoTray) {
            toldNoTray = true;
            LOG.info("ui.close-to-tray is on but this desktop has no system tray: closing the window quits Parley");
        }
    }

    /** Whether closing the window should hide it instead of quitting. */
    public boolean hidesOnClose() {
        return closeToTray && installed;
    }

    @Override
    public void close() {
        closed = true;
        main.stateProperty().removeListener(refresh);
        main.mutedProperty().removeListener(refresh);
        window.showingProperty().removeListener(refresh);
        if (installed) {
            tray.remove();
        }
    }
}
