package dev.parley.ui.main;

import java.time.Duration;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The banners on show; the newest first, at most one per key. A confirmation goes by itself after
 * {@link #CONFIRMATION_SHOWN}, or when the next turn starts, whichever is first.
 */
public final class Banners {

    private static final int MAX = 4;
    /** Long enough to read a sentence, short enough not to read as a standing state. */
    public static final Duration CONFIRMATION_SHOWN = Duration.ofSeconds(6);

    /** Runs a task on the UI thread once {@code delay} has passed. */
    @FunctionalInterface
    public interface Timer {
        void after(Duration delay, Runnable task);
    }

    private final Timer timer;

    private final ObservableList<Banner> shown = FXCollections.observableArrayList();
    private final ObservableList<Banner> readOnly = FXCollections.unmodifiableObservableList(shown);

    /** Confirmations stay until the next turn: for view-model tests, which drive time themselves. */
    public Banners() {
        this((delay, task) -> { });
    }

    public Banners(Timer timer) {
        this.timer = timer;
    }

    public ObservableList<Banner> shown() {
        return readOnly;
    }

    public void show(Banner banner) {
        // A failed push-to-talk repeats the microphone's problem with its commands written out: the
        // microphone's banner already says it, with the commands behind its Copy button.
        if (banner.commands().isEmpty() && shown.stream().anyMatch(old -> !old.commands().isEmpty()
                && !old.key().equals(banner.key()) && banner.message().startsWith(old.message()))) {
            return;
        }
        // One banner per source, and one per message: a failed turn also moves the state to ERROR
        // with the same sentence.
        shown.removeIf(old -> old.key().equals(banner.key()) || old.message().equals(banner.message()));
        shown.addFirst(banner);
        while (shown.size() > MAX) {
            shown.removeLast();
        }
        if (banner.level() == Banner.Level.CONFIRMATION) {
            // This very banner: an equal one shown again since has its own time.
            timer.after(CONFIRMATION_SHOWN, () -> shown.removeIf(old -> old == banner));
        }
    }

    public void dismiss(Banner banner) {
        shown.remove(banner);
    }

    /** Dismisses the banners of {@code keys}. */
    public void dismiss(String... keys) {
        java.util.List<String> gone = java.util.List.of(keys);
        shown.removeIf(banner -> gone.contains(banner.key()));
    }

    /** A turn started: the confirmations of what was done before it are old news. */
    public void dismissConfirmations() {
        shown.removeIf(banner -> banner.level() == Banner.Level.CONFIRMATION);
    }
}
