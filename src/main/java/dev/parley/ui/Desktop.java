package dev.parley.ui;

import java.lang.management.ManagementFactory;
import javafx.application.Application;

/**
 * The desktop window's entry point for {@code dev.parley.Main} (which must not touch JavaFX): a
 * plain class, because launching a class that extends {@link Application} straight from the class
 * path fails with "JavaFX runtime components are missing".
 */
public final class Desktop {

    private Desktop() {}

    /** Opens the window and returns when it is closed. */
    public static int run(String[] args) {
        Application.launch(ParleyApp.class, args);
        return 0;
    }

    /** Milliseconds since this JVM started: what the start-up log lines report. */
    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
