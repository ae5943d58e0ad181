package dev.parley.ui.main;

import java.util.function.BooleanSupplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;

/**
 * What waits for the window's start-up steps ({@link MainViewModel#load}: the speech model, the voice,
 * the microphone) to end, loaded or failed.
 */
public final class StartUpLoads {

    private StartUpLoads() {}

    /** Runs {@code action} on the UI thread once {@code main}'s loads have ended; at once if they have. */
    public static void whenEnded(MainViewModel main, Runnable action) {
        // A failed step sets the progress to 1 without Ready; a start with nothing to load is Ready at once.
        BooleanSupplier ended = () -> main.speechReadyProperty().get() || main.loadProgressProperty().get() >= 1;
        if (ended.getAsBoolean()) {
            action.run();
            return;
        }
        InvalidationListener once = new InvalidationListener() {
            @Override
            public void invalidated(Observable changed) {
                if (ended.getAsBoolean()) {
                    main.speechReadyProperty().removeListener(this);
                    main.loadProgressProperty().removeListener(this);
                    action.run();
                }
            }
        };
        main.speechReadyProperty().addListener(once);
        main.loadProgressProperty().addListener(once);
    }
}
