package dev.parley.ui;

import java.lang.management.ManagementFactory;
import dev.parley.config.ParleyPaths;
import dev.parley.platform.SingleInstance;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;

/**
 * The desktop window's entry point for {@code dev.parley.Main} (which must not touch JavaFX): a
 * plain class, because launching a class that extends {@link Application} straight from the class
 * path fails with "JavaFX runtime components are missing".
 */
public final class Desktop {

    private Desktop() {}

    /** The config and services, loaded while the JavaFX toolkit starts (the two overlap). */
    static volatile CompletableFuture<DesktopServices> services;

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" on
     * every start from the class path, which is how Parley runs; held so the setting is not collected.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /** What brings the shown window forward (set once it is shown): another start of Parley asks. */
    static volatile Runnable bringForward = () -> { };
    /** The window's config file as given with {@code --config}, or null: for {@link #windowArguments}. */
    private static volatile Path configArgument;

    /** Called as the window quits: another start then waits for it to go and opens its own. */
    static volatile Runnable stopBeingFound = () -> { };

    /**
     * Opens the window and returns when it is closed; {@code config} null reads the user's own config.
     * When a window of the same data folder is open already, that one comes forward instead.
     */
    public static int run(Path config) {
        configArgument = config;
        return switch (SingleInstance.claim(ParleyPaths.fromEnvironment().dataDir(), () -> bringForward.run())) {
            case SingleInstance.Claim.First first -> {
                try (SingleInstance instance = first.instance()) {
                    stopBeingFound = instance::stopListening;
                    yield openWindow(config);
                }
            }
            case SingleInstance.Claim.AlreadyRunning running -> {
                System.out.println(running.broughtForward() ? "Parley is already running: its window was brought"
                        + " forward." : "Parley is already running, but its window did not answer; close it, or end"
                        + " the other Parley, and start again.");
                yield 0;
            }
            case SingleInstance.Claim.Unknown unknown -> {
                System.err.println("parley: cannot tell whether Parley already runs (" + unknown.why() + "); opening"
                        + " the window anyway.");
                yield openWindow(config);
            }
        };
    }

    private static int openWindow(Path config) {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        Rendering.configure();
        QuitOnSignal.install();
        services = CompletableFuture.supplyAsync(() -> DesktopServices.start(config),
                runnable -> Thread.ofPlatform().name("parley-startup").daemon(true).start(runnable));
        try {
            Application.launch(ParleyApp.class);
        } catch (RuntimeException | UnsatisfiedLinkError noWindow) {
            System.err.println("parley: cannot open the window (" + noWindow.getMessage() + ")."
                    + " Without a display, use the commands: parley --help");
            return 1;
        }
        return 0;
    }

    /** The arguments that open this window again: none, or {@code --config FILE}. */
    static List<String> windowArguments() {
        Path config = configArgument;
        return config == null ? List.of() : List.of("--config", config.toString());
    }

    /** Milliseconds since this JVM started: what the start-up log lines report. */
    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
