package dev.parley.ui;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one way Parley's threads reach the JavaFX thread (like JabRef's UiTaskExecutor): run now
 * when already on it, otherwise queue it. View-model tests use {@link #CURRENT_THREAD} so the
 * asynchronous code runs deterministically.
 */
public final class UiThread {

    /** Runs on the JavaFX application thread. */
    public static final Executor FX = task -> {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    };

    /** Runs on the calling thread: for tests. */
    public static final Executor CURRENT_THREAD = Runnable::run;

    private UiThread() {}
}
