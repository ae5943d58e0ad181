package dev.parley.ui.settings;

import dev.parley.config.ParleyConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.secrets.Redaction;
import dev.parley.ui.Tasks;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Providers tab's state: the provider list being edited (add, remove, select), which one is
 * active, and the models the selected provider's endpoint lists.
 */
public final class ProviderRows {

    /** The address an added provider starts with: an OpenAI-compatible server on this machine. */
    private static final String LOCAL_SERVER = "http://localhost:8080/v1";

    private final SettingsBackend backend;
    private final Tasks tasks;
    private final ObservableList<ProviderRow> rows =
            FXCollections.observableArrayList(row -> new Observable[] {row.nameProperty(), row.typeProperty(),
                    row.baseUrlProperty(), row.modelProperty(), row.apiKeyEnvProperty(), row.apiKeyProperty()});
    private final ObjectProperty<ProviderRow> selected = new SimpleObjectProperty<>();
    private final StringProperty active = new SimpleStringProperty("");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper modelsStatus = new ReadOnlyStringWrapper("");

    ProviderRows(SettingsBackend backend, Tasks tasks) {
        this.backend = backend;
        this.tasks = tasks;
    }

    void load(ParleyConfig config) {
        rows.clear();
        config.llm().providers().forEach((name, provider) -> rows.add(new ProviderRow(name, provider)));
        active.set(config.llm().active());
        selected.set(named(SettingsViewModel.text(active)) != null ? named(SettingsViewModel.text(active))
                : rows.isEmpty() ? null : rows.getFirst());
    }

    public ProviderRow add() {
        String name = "provider";
        int n = 2;
        while (named(name) != null) {
            name = "provider" + n++;
        }
        ProviderRow row = new ProviderRow(name, null);
        row.typeProperty().set(ProviderType.OPENAI_COMPATIBLE);
        row.baseUrlProperty().set(LOCAL_SERVER);
        row.modelProperty().set("model");
        // The example address is openai-compatible's (which needs one): another type, left as it was, uses
        // its own (Ollama's port, OpenAI's, Anthropic's...) rather than a local server it does not speak to.
        row.typeProperty().addListener((obs, was, now) -> {
            String url = SettingsViewModel.text(row.baseUrlProperty());
            if (now != ProviderType.OPENAI_COMPATIBLE && url.equals(LOCAL_SERVER)) {
                row.baseUrlProperty().set("");
            } else if (now == ProviderType.OPENAI_COMPATIBLE && url.isBlank()) {
                row.baseUrlProperty().set(LOCAL_SERVER);
            }
        });
        rows.add(row);
        selected.set(row);
        return row;
    }

    public void removeSelected() {
        ProviderRow row = selected.get();
        if (row == null || isActive(row)) {
            return;
        }
        int index = rows.indexOf(row);
        rows.remove(row);
        selected.set(rows.isEmpty() ? null : rows.get(Math.max(0, index - 1)));
    }

    /**
     * Whether the selected provider may be removed: not the active one. Removing that made another
     * active in passing (perhaps one without a key, which the switch then refused), and the window
     * went on answering with a provider no longer in the list.
     */
    public BooleanBinding removableBinding() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && !isActive(selected.get()), selected, active);
    }

    /**
     * Why Remove is off, or "" when it is on: a disabled button shows no tooltip, so the view writes
     * this under it.
     */
    public StringBinding removeRefusalBinding() {
        return Bindings.createStringBinding(() -> selected.get() != null && isActive(selected.get())
                ? "Switch to another provider before removing this one." : "",
                selected, active);
    }

    private boolean isActive(ProviderRow row) {
        return SettingsViewModel.text(row.nameProperty()).equals(SettingsViewModel.text(active));
    }

    /** Asks the selected provider's endpoint for its models (in the background). */
    public void fetchModels() {
        ProviderRow row = selected.get();
        if (row == null) {
            return;
        }
        ProviderConfig config = row.toConfig();
        // Shown under the field, perhaps on a shared screen: a key in the URL's query is masked here too.
        modelsStatus.set("Asking " + (config.baseUrl() == null ? "the endpoint" : Redaction.clean(config.baseUrl())) + "…");
        tasks.run(() -> backend.models(config), list -> {
            models.setAll(list);
            modelsStatus.set(list.isEmpty() ? "The endpoint lists no models here; type the model name."
                    : list.size() + (list.size() == 1 ? " model" : " models"));
        }, failure -> modelsStatus.set("Could not list models: " + Redaction.clean(Tasks.message(failure))));
    }

    /** The providers as config entries, by their (trimmed) names, in list order. */
    Map<String, ProviderConfig> configs() {
        Map<String, ProviderConfig> configs = new LinkedHashMap<>();
        rows.forEach(row -> configs.put(SettingsViewModel.text(row.nameProperty()).strip(), row.toConfig()));
        return configs;
    }

    /** The keys typed in this session, by the environment variable name they are stored under. */
    Map<String, String> typedKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (ProviderRow row : rows) {
            if (!SettingsViewModel.text(row.apiKeyProperty()).isBlank()) {
                keys.put(SettingsViewModel.text(row.apiKeyEnvProperty()).strip(), row.apiKeyProperty().get());
            }
        }
        return keys;
    }

    /** After a save: typed keys are in the keychain now and leave the form. */
    void forgetTypedKeys() {
        rows.forEach(row -> row.apiKeyProperty().set(""));
    }

    private ProviderRow named(String name) {
        return rows.stream().filter(row -> SettingsViewModel.text(row.nameProperty()).equals(name)).findFirst()
                .orElse(null);
    }

    public ObservableList<ProviderRow> rows() {
        return rows;
    }

    public ObjectProperty<ProviderRow> selectedProperty() {
        return selected;
    }

    public StringProperty activeProperty() {
        return active;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ReadOnlyStringProperty modelsStatusProperty() {
        return modelsStatus.getReadOnlyProperty();
    }
}
