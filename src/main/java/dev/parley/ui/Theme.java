package dev.parley.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX Primer light or dark as the user-agent stylesheet, plus Parley's own small stylesheet. */
public final class Theme {

    private Theme() {}

    public static void apply(String theme) {
        Application.setUserAgentStylesheet("dark".equalsIgnoreCase(theme)
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static void style(Scene scene) {
        String css = Theme.class.getResource("parley.css").toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
    }
}
