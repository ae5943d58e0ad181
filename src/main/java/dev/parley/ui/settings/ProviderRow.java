package dev.parley.ui.settings;

import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One provider as the settings panel edits it. The API key typed here goes to the keychain under
 * the {@code api-key-env} name, never into config.yaml.
 */
public final class ProviderRow {

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<ProviderType> type = new SimpleObjectProperty<>(ProviderType.OLLAMA);
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty apiKeyEnv = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    /** Keys the panel does not edit (sampling, max-tokens, timeout) carried over unchanged. */
    private ProviderConfig original;

    ProviderRow(String name, ProviderConfig config) {
        this.name.set(name);
        this.original = config;
        if (config != null) {
            type.set(config.type());
            baseUrl.set(config.baseUrl() == null ? "" : config.baseUrl());
            model.set(config.model() == null ? "" : config.model());
            apiKeyEnv.set(config.apiKeyEnv() == null ? "" : config.apiKeyEnv());
        }
    }

    ProviderConfig toConfig() {
        ProviderConfig kept = original != null ? original
                : new ProviderConfig(type.get(), null, "", null, null, null, null);
        return kept.withEndpoint(type.get(), blankToNull(baseUrl.get()), SettingsViewModel.text(model).strip(),
                blankToNull(apiKeyEnv.get()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<ProviderType> typeProperty() {
        return type;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty apiKeyEnvProperty() {
        return apiKeyEnv;
    }

    /** Typed key, only ever written to the keychain. */
    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    @Override
    public String toString() {
        return name.get().isBlank() ? "(unnamed)" : name.get();
    }
}
