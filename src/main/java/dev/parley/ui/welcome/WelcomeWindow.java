package dev.parley.ui.welcome;

import dev.parley.ui.Windows;
import dev.parley.ui.DesktopUi;
import dev.parley.ui.Theme;
import dev.parley.ui.main.Banner;
import dev.parley.ui.main.Banners;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The first-run welcome in its own small, non-modal window over the main one, which stays usable.
 * Finish or Skip closes it (a finished choice is confirmed in a banner of the main window); closing it
 * otherwise leaves it due, so it shows again at the next start.
 */
public final class WelcomeWindow {

    private final Stage stage = new Stage();

    WelcomeWindow(WelcomeViewModel model, Window owner, Banners banners) {
        stage.initOwner(owner);
        stage.setTitle("Welcome to Parley");
        Scene scene = new Scene(new WelcomeView(model), 640, 460);
        Theme.style(scene);
        stage.setScene(scene);
        stage.setOnHidden(event -> model.close());
        model.doneProperty().addListener((obs, old, done) -> {
            if (done) {
                if (!model.finishStatusProperty().get().isEmpty()) {
                    banners.show(Banner.confirmation("welcome", model.finishStatusProperty().get()));
                }
                stage.close();
            }
        });
    }

    /** Shows the welcome for {@code backend} over {@code owner} and starts its checks. */
    public static void show(WelcomeBackend backend, DesktopUi ui, Window owner) {
        WelcomeViewModel model = new WelcomeViewModel(backend, ui.tasks(), ui.main().speechReadyProperty());
        Windows.show(new WelcomeWindow(model, owner, ui.banners()).stage);
        model.start();
    }
}
