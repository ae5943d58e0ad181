package dev.parley.ui.main;

import dev.parley.voice.VoiceState;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The bottom line: a dot and a word for the voice state, start-up progress while the speech model
 * and voice load, the talk key, the control API's URL while the window serves it, the provider
 * answering, and the toggle for the latency waterfall (shown above the line).
 */
final class StatusBar extends VBox {

    StatusBar(MainViewModel main, ProviderSwitcherViewModel providers, ApiStatus api, ObservableStringValue talkHint) {
        Label status = new Label();
        status.setId("status-text");
        status.textProperty().bind(main.statusTextProperty());

        ProgressBar loading = new ProgressBar();
        loading.setId("load-progress");
        loading.getStyleClass().add("small");
        loading.setPrefWidth(120);
        loading.progressProperty().bind(main.loadProgressProperty());
        loading.visibleProperty().bind(main.speechReadyProperty().not().and(main.loadMessageProperty().isNotEmpty()));
        loading.managedProperty().bind(loading.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label hint = new Label();
        hint.setId("talk-hint");
        hint.getStyleClass().add("muted");
        hint.textProperty().bind(talkHint);

        ToggleButton latency = new ToggleButton("Latency");
        latency.setId("latency-toggle");
        latency.setTooltip(new Tooltip("The last turn's latency waterfall"));
        WaterfallPanel waterfall = new WaterfallPanel(main.lastWaterfallProperty());
        waterfall.visibleProperty().bind(latency.selectedProperty());
        waterfall.managedProperty().bind(waterfall.visibleProperty());

        HBox bar = new HBox(stateDot(main), status, loading, spacer, hint, apiUrl(api), provider(providers), latency);
        bar.getStyleClass().add("status-bar");
        getChildren().setAll(waterfall, bar);
    }

    private static Region stateDot(MainViewModel main) {
        Region dot = new Region();
        dot.getStyleClass().add("status-dot");
        Runnable paint = () -> {
            dot.getStyleClass().removeAll("busy", "listening", "error", "loading");
            VoiceState state = main.stateProperty().get();
            if (state == VoiceState.ERROR) {
                dot.getStyleClass().add("error");
            } else if (state == VoiceState.LISTENING) {
                dot.getStyleClass().add("listening");
            } else if (state != VoiceState.IDLE) {
                dot.getStyleClass().add("busy");
            } else if (!main.speechReadyProperty().get()) {
                dot.getStyleClass().add("loading");
            }
        };
        paint.run();
        main.stateProperty().addListener((obs, old, now) -> paint.run());
        main.speechReadyProperty().addListener((obs, old, now) -> paint.run());
        return dot;
    }

    private static Label apiUrl(ApiStatus api) {
        Label url = new Label();
        url.setId("api-status");
        url.getStyleClass().add("muted");
        url.textProperty().bind(api.textProperty());
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(api.tooltipProperty());
        url.setTooltip(tooltip);
        url.visibleProperty().bind(api.urlProperty().isNotEmpty());
        url.managedProperty().bind(url.visibleProperty());
        return url;
    }

    /** "spare · openai-compatible · qwen"; the type only once when the provider is named after it ("ollama · llama3.2"). */
    static String providerLine(String name, String type, String model) {
        return name + (name.equalsIgnoreCase(type) ? "" : " · " + type) + " · " + model;
    }

    private static Label provider(ProviderSwitcherViewModel providers) {
        Label provider = new Label();
        provider.setId("status-provider");
        provider.getStyleClass().add("muted");
        provider.textProperty().bind(Bindings.createStringBinding(() -> {
            ProviderSwitcherViewModel.Item active = providers.activeProperty().get();
            String text = active == null ? "no provider" : providerLine(active.name(), active.type(), active.model());
            return providers.switchingProperty().get() ? text + " (switching…)" : text;
        }, providers.activeProperty(), providers.switchingProperty()));
        return provider;
    }
}
