package dev.parley.ui;

import dev.parley.ParleyException;
import dev.parley.ui.main.Banner;
import dev.parley.ui.main.ConfigFileNews;
import dev.parley.ui.main.MainWindow;
import dev.parley.ui.main.StartUpLoads;
import dev.parley.ui.main.WindowPlacement;
import dev.parley.ui.system.AwtTray;
import dev.parley.ui.system.NativeHookKeys;
import dev.parley.ui.system.TrayWindow;
import dev.parley.ui.system.TrayAndGlobalKey;
import dev.parley.ui.welcome.WelcomeWindow;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The JavaFX application: loads the config, shows the window at once, then loads the speech model
 * and the voice in the background with progress in the status bar.
 */
public final class ParleyApp extends Application {

    private static final Logger LOG = LogManager.getLogger(ParleyApp.class);

    private DesktopServices services;
    private DesktopUi ui;
    private Stage stage;
    private WindowPlacement placement;
    private TrayAndGlobalKey trayAndKey;
    /** Set by stop(): a start-up load that ends while the window closes starts nothing more. */
    private boolean stopped;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        long javaFxStarted = Desktop.sinceJvmStart();
        try {
            services = Desktop.services != null ? Desktop.services.join() : DesktopServices.start(null);
        } catch (java.util.concurrent.CompletionException e) {
            fail(e.getCause());
            return;
        } catch (ParleyException e) {
            fail(e);
            return;
        }
        // Logged only now: Log4j configures itself on the parley-startup thread, whose config load
        // asks for the first logger, and a line logged meanwhile by another thread is dropped.
        LOG.info("JavaFX started {} ms after the JVM started", javaFxStarted);
        LOG.info("Config and services ready {} ms after the JVM started", Desktop.sinceJvmStart());
        Theme.apply(services.config().ui().theme());
        ui = DesktopUi.create(services, Tasks.forFx());
        services.useToolCallbacks(sentence -> ui.tasks().onUi(() -> ui.banners().show(new Banner("timer-" + sentence,
                Banner.Level.INFO, "⏰ " + sentence))), this::confirmTool);
        services.configNotice().ifPresent(notice -> ui.banners().show(
                new Banner(ConfigFileNews.LAST_GOOD, Banner.Level.WARNING, notice)));
        ui.providers().onRestart(() -> WindowRestart.restart(ui));
        WindowRestart.resume(ui);
        MainWindow window = new MainWindow(ui, stage);
        placement = WindowPlacement.restore(stage, services.paths().configDir().resolve("window.properties"));
        stage.setOnShown(event -> LOG.info("Window shown {} ms after the JVM started", Desktop.sinceJvmStart()));
        ui.main().speechReadyProperty().addListener((obs, old, ready) -> {
            if (ready) {
                LOG.info("Ready (speech model and voice loaded) {} ms after the JVM started", Desktop.sinceJvmStart());
            }
        });
        LOG.info("Window built {} ms after the JVM started", Desktop.sinceJvmStart());
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, this::closedDuringStart);
        Windows.show(stage);
        Desktop.bringForward = () -> Platform.runLater(this::bringForward);
        services.afterWindowShown();
        services.onConfigFileChange(new ConfigFileNews(ui.banners(), ui.tasks()));
        // Back from the editor: config.yaml changed meanwhile applies now (a turn's start looks too).
        stage.focusedProperty().addListener((focus, was, now) -> {
            if (now) {
                services.lookAtConfigFile();
            }
        });
        window.scene().getRoot().requestFocus(); // the talk key talks at once; typing moves to the text field
        ui.main().load(services.loadSteps());
        // Needed neither for the first paint nor before the start-up loads (the speech model, the voice, the
        // microphone) have ended, which want both cores (AWT's start alone is 0.15-0.3 s of the JavaFX
        // thread): the tray icon, the global key hook (talking waits for the speech model anyway), the timers
        // (those due while closed are told aloud). At most 10 s late: a load that hangs (a stuck audio
        // device) must not keep them away for good.
        StartUpLoads.whenEnded(ui.main(), () -> Platform.runLater(this::startSystemParts));
        PauseTransition hungLoad = new PauseTransition(javafx.util.Duration.seconds(10));
        hungLoad.setOnFinished(event -> startSystemParts());
        hungLoad.play();
        // A start that failed (no speech model, no voice, no microphone) tries again at each save.
        services.configChanges().subscribe(saved -> ui.tasks().onUi(() -> ui.main().retryLoad(services.retryLoadSteps())));
        services.welcomeIfDue().ifPresent(welcome -> WelcomeWindow.show(welcome, ui, stage));
    }

    /** Parley was started again: this window comes forward, from the tray or the taskbar too. */
    private void bringForward() {
        if (stopped) {
            return;
        }
        TrayWindow.of(stage).show();
    }

    /**
     * Closed before the tray is up, with {@code ui.close-to-tray} on: the window goes to the tray as it
     * would a moment later, rather than quitting. Once the tray is up, {@link TrayAndGlobalKey} decides.
     */
    private void closedDuringStart(WindowEvent event) {
        if (trayAndKey == null && services.config().ui().closeToTray()) {
            event.consume();
            startSystemParts();
            if (trayAndKey != null) {
                trayAndKey.closeOnceTrayAnswered();
            }
        }
    }

    /** The tray icon, the global key and the timers; on the JavaFX thread, once. */
    private void startSystemParts() {
        if (trayAndKey != null || stopped) { // started already, or the window closed meanwhile
            return;
        }
        IdlePulse.letPause(); // here, not before: an idle window is what it is for
        AwtTray.startToolkit(); // here, on GTK's thread: see there
        trayAndKey = new TrayAndGlobalKey(ui, services.config().ui(), stage, new AwtTray(), new NativeHookKeys());
        services.resumeTimers();
        LOG.info("Tray, global key and timers started {} ms after the JVM started", Desktop.sinceJvmStart());
    }

    /** Asks before a tool listed in llm.tools.confirm runs; called on a worker thread, which waits. */
    private boolean confirmTool(String tool, String arguments) {
        java.util.concurrent.CompletableFuture<Boolean> answer = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Parley wants to run " + tool + " " + arguments + ".",
                    javafx.scene.control.ButtonType.YES, javafx.scene.control.ButtonType.NO);
            ask.initOwner(stage);
            ask.setHeaderText("Allow " + tool + "?");
            ask.initModality(javafx.stage.Modality.NONE);
            ask.setOnHidden(event -> answer.complete(ask.getResult() == javafx.scene.control.ButtonType.YES));
            ask.show();
        });
        try {
            return answer.get(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (Exception e) {
            return false;
        }
    }

    private static void fail(Throwable e) {
        LOG.error("Parley cannot start", e);
        Theme.apply("light");
        Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
        alert.setHeaderText("Parley cannot start");
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        stopped = true;
        Desktop.stopBeingFound.run();
        if (placement != null) {
            placement.save();
        }
        if (trayAndKey != null) {
            trayAndKey.close(); // the key hook's native thread would keep the JVM alive
        }
        if (ui != null) {
            ui.conversations().saveCurrentBeforeExit();
            ui.main().close();
        }
        if (services != null) {
            // Closing MaryTTS and Vosk can take a moment; the window is already gone.
            Executors.newVirtualThreadPerTaskExecutor().execute(services::close);
        }
        Thread exit = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException ignored) {
                // exit now
            }
            System.exit(0);
        }, "parley-exit");
        exit.setDaemon(true);
        exit.start();
    }
}
