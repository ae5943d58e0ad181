package dev.parley.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Long work (model loading, provider checks, model lists, saving) runs on {@code worker}; its
 * result or failure is handed back on {@code ui}. The JavaFX thread never waits for it.
 */
public final class Tasks {

    private final Executor worker;
    private final Executor ui;

    public Tasks(Executor worker, Executor ui) {
        this.worker = worker;
        this.ui = ui;
    }

    /** Virtual threads for the work, the JavaFX thread for the results. */
    public static Tasks forFx() {
        return new Tasks(Executors.newVirtualThreadPerTaskExecutor(), UiThread.FX);
    }

    /** Everything on the calling thread: deterministic view-model tests. */
    public static Tasks direct() {
        return new Tasks(UiThread.CURRENT_THREAD, UiThread.CURRENT_THREAD);
    }

    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        worker.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable failure) {
                ui.execute(() -> onFailure.accept(failure));
                return;
            }
            ui.execute(() -> onSuccess.accept(result));
        });
    }

    /** What to show for a failed task: its message, or its kind when it has none. */
    public static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** Hands {@code task} to the UI thread (events from Parley's threads). */
    public void onUi(Runnable task) {
        ui.execute(task);
    }
}
