package dev.parley.ui.main;

import dev.parley.ui.Sizing;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The main window's toolbar: the conversations toggle, the provider switcher with health dots and
 * Test, then Usage, Settings and the light/dark toggle.
 */
final class MainToolbar extends HBox {

    private final ToggleButton conversations = new ToggleButton("☰");

    MainToolbar(ProviderSwitcherViewModel providers, WindowSettings settings, Runnable openUsage,
            Runnable openSettings) {
        Label title = new Label("Parley");
        title.getStyleClass().add("app-title");

        conversations.setId("conversations-toggle");
        conversations.setSelected(true);
        conversations.setTooltip(new Tooltip("Show or hide saved conversations"));
        conversations.setAccessibleText("Conversations"); // a screen reader would read the glyph

        Label testResult = new Label();
        testResult.setId("provider-test-result");
        testResult.getStyleClass().add("muted");
        testResult.textProperty().bind(providers.testResultProperty());
        // The room left between Test and Usage, however wide the window: asking for none, it never
        // squeezes a control, and it ends in "…" (whole in its tooltip) only when that room is short.
        testResult.setPrefWidth(0);
        testResult.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(testResult, Priority.ALWAYS);
        Tooltip fullResult = new Tooltip();
        fullResult.textProperty().bind(providers.testResultProperty());
        testResult.setTooltip(fullResult);

        Button usage = new Button("Usage");
        usage.setId("usage-button");
        usage.setTooltip(new Tooltip("Tokens, cost and latency per provider"));
        usage.setOnAction(event -> openUsage.run());

        Button settingsButton = new Button("Settings");
        settingsButton.setId("settings-button");
        settingsButton.setTooltip(new Tooltip("Providers, voice, audio, speech model, prompt, keys (Ctrl+,)"));
        settingsButton.setOnAction(event -> openSettings.run());

        Sizing.yielding(testResult); // the toolbar's buttons keep their words; the result shrinks, whole in its tooltip
        getChildren().setAll(Sizing.whole(conversations), title, switcher(providers), Sizing.whole(test(providers)),
                testResult, Sizing.whole(usage), Sizing.whole(settingsButton), Sizing.whole(themeToggle(settings)));
        getStyleClass().add("toolbar");
    }

    /** Whether the conversations sidebar is shown. */
    BooleanProperty conversationsShownProperty() {
        return conversations.selectedProperty();
    }

    private static ComboBox<ProviderSwitcherViewModel.Item> switcher(ProviderSwitcherViewModel providers) {
        ComboBox<ProviderSwitcherViewModel.Item> switcher = new ComboBox<>(providers.items());
        switcher.setId("provider-switcher");
        switcher.setTooltip(new Tooltip("The provider that answers; the dot shows its health"));
        switcher.setCellFactory(list -> new ProviderCell());
        switcher.setButtonCell(new ProviderCell());
        switcher.getSelectionModel().select(providers.activeProperty().get());
        providers.activeProperty().addListener((obs, old, now) -> {
            if (switcher.getSelectionModel().getSelectedItem() != now) {
                switcher.getSelectionModel().select(now);
            }
        });
        switcher.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != providers.activeProperty().get()) {
                providers.switchTo(now);
            }
        });
        // The list is rebuilt after the settings change: select the active one again.
        providers.items().addListener((ListChangeListener<ProviderSwitcherViewModel.Item>) change ->
                switcher.getSelectionModel().select(providers.activeProperty().get()));
        return switcher;
    }

    private static Button test(ProviderSwitcherViewModel providers) {
        Button test = new Button("Test");
        test.setId("provider-test");
        test.setTooltip(new Tooltip("Send a short prompt to the provider and time the answer"));
        test.disableProperty().bind(providers.testingProperty());
        test.setOnAction(event -> providers.testActive());
        return test;
    }

    private static ToggleButton themeToggle(WindowSettings settings) {
        ToggleButton dark = new ToggleButton("◐");
        dark.setId("theme-toggle");
        dark.setTooltip(new Tooltip("Light or dark theme for this session (Settings saves it)"));
        dark.setAccessibleText("Dark theme");
        dark.setSelected(isDark(settings.themeProperty().get()));
        dark.selectedProperty().addListener((obs, old, on) -> settings.useTheme(on ? "dark" : "light"));
        settings.themeProperty().addListener((obs, old, now) -> dark.setSelected(isDark(now)));
        return dark;
    }

    private static boolean isDark(String theme) {
        return "dark".equalsIgnoreCase(theme);
    }
}
