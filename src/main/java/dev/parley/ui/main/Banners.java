package dev.parley.ui.main;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The banners on show; the newest first, at most one per key. */
public final class Banners {

    private static final int MAX = 4;

    private final ObservableList<Banner> shown = FXCollections.observableArrayList();
    private final ObservableList<Banner> readOnly = FXCollections.unmodifiableObservableList(shown);

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
    }

    public void dismiss(Banner banner) {
        shown.remove(banner);
    }

    public void dismiss(String key) {
        shown.removeIf(banner -> banner.key().equals(key));
    }
}
