package dev.parley.ui;

import dev.parley.config.ConfigWriter;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.input.KeyCode;

/**
 * The settings panel: providers (add, edit, remove, model list from the endpoint, key to the
 * keychain), voice, audio devices with a mic test, speech model, system prompt, push-to-talk key
 * and theme. Every field is validated as it is typed; {@link #save()} writes config.yaml in the
 * background and reports the config as saved.
 */
public final class SettingsViewModel {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PROVIDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final SettingsBackend backend;
    private final Tasks tasks;
    private final ObservableList<ProviderRow> providers =
            FXCollections.observableArrayList(row -> new Observable[] {row.nameProperty(), row.typeProperty(),
                    row.baseUrlProperty(), row.modelProperty(), row.apiKeyEnvProperty(), row.apiKeyProperty()});
    private final ObjectProperty<ProviderRow> selected = new SimpleObjectProperty<>();
    private final StringProperty active = new SimpleStringProperty("");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper modelsStatus = new ReadOnlyStringWrapper("");
    private final StringProperty voice = new SimpleStringProperty("");
    private final ObservableList<String> voices = FXCollections.observableArrayList();
    private final DoubleProperty rate = new SimpleDoubleProperty(1.0);
    private final DoubleProperty volume = new SimpleDoubleProperty(1.0);
    private final BooleanProperty handsFree = new SimpleBooleanProperty(false);
    private final StringProperty inputDevice = new SimpleStringProperty("");
    private final StringProperty outputDevice = new SimpleStringProperty("");
    private final ObservableList<String> inputDevices = FXCollections.observableArrayList("");
    private final ObservableList<String> outputDevices = FXCollections.observableArrayList("");
    private final ReadOnlyStringWrapper micTestResult = new ReadOnlyStringWrapper("");
    private final StringProperty speechModelPath = new SimpleStringProperty("");
    private final StringProperty systemPrompt = new SimpleStringProperty("");
    private final StringProperty pushToTalkKey = new SimpleStringProperty("SPACE");
    private final StringProperty theme = new SimpleStringProperty("light");
    private final ReadOnlyStringWrapper providerError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper generalError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding valid;
    private Consumer<ParleyConfig> onSaved = config -> { };

    public SettingsViewModel(SettingsBackend backend, Tasks tasks) {
        this.backend = backend;
        this.tasks = tasks;
        load(backend.config());
        providers.addListener((javafx.collections.ListChangeListener<ProviderRow>) change -> validate());
        for (StringProperty field : List.of(active, speechModelPath, systemPrompt, pushToTalkKey, theme, voice)) {
            field.addListener((obs, old, now) -> validate());
        }
        valid = Bindings.createBooleanBinding(() -> providerError.get().isEmpty() && generalError.get().isEmpty(),
                providerError, generalError);
        validate();
    }

    private void load(ParleyConfig config) {
        providers.clear();
        config.llm().providers().forEach((name, provider) -> providers.add(new ProviderRow(name, provider)));
        active.set(config.llm().active());
        selected.set(providers.stream().filter(row -> text(row.nameProperty()).equals(text(active))).findFirst()
                .orElse(providers.isEmpty() ? null : providers.getFirst()));
        voice.set(config.tts().voice());
        voices.setAll(text(voice));
        rate.set(config.tts().rate());
        volume.set(config.tts().volume());
        handsFree.set(config.audio().handsFree());
        outputDevice.set(config.tts().outputDevice() == null ? "" : config.tts().outputDevice());
        inputDevice.set(config.audio().inputDevice());
        speechModelPath.set(config.stt().modelPath() == null ? "" : config.stt().modelPath());
        systemPrompt.set(config.llm().systemPrompt());
        pushToTalkKey.set(config.ui().pushToTalkKey());
        theme.set(config.ui().theme());
    }

    /** Fills the device and voice lists (they may take a moment to enumerate). */
    public void loadChoices() {
        tasks.run(backend::inputDevices, list -> setChoices(inputDevices, list, inputDevice), failure -> { });
        tasks.run(backend::outputDevices, list -> setChoices(outputDevices, list, outputDevice), failure -> { });
        tasks.run(backend::voices, list -> setChoices(voices, list, voice), failure -> { });
    }

    private static void setChoices(ObservableList<String> target, List<String> found, StringProperty value) {
        String current = text(value);
        List<String> all = new ArrayList<>();
        if (target != null && (target.contains("") || current.isEmpty())) {
            all.add("");
        }
        all.addAll(found);
        if (!current.isEmpty() && !all.contains(current)) {
            all.add(current);
        }
        target.setAll(all);
        value.set(current); // an editable combo box may have cleared it while its items changed
    }

    // --- providers -----------------------------------------------------------------------------

    public ProviderRow addProvider() {
        String name = "provider";
        int n = 2;
        while (named(name) != null) {
            name = "provider" + n++;
        }
        ProviderRow row = new ProviderRow(name, null);
        row.typeProperty().set(ProviderType.OPENAI_COMPATIBLE);
        row.baseUrlProperty().set("http://localhost:8080/v1");
        row.modelProperty().set("model");
        providers.add(row);
        selected.set(row);
        return row;
    }

    public void removeSelected() {
        ProviderRow row = selected.get();
        if (row == null) {
            return;
        }
        int index = providers.indexOf(row);
        providers.remove(row);
        selected.set(providers.isEmpty() ? null : providers.get(Math.max(0, index - 1)));
        if (text(row.nameProperty()).equals(text(active)) && !providers.isEmpty()) {
            active.set(providers.getFirst().nameProperty().get());
        }
    }

    /** Asks the selected provider's endpoint for its models (in the background). */
    public void fetchModels() {
        ProviderRow row = selected.get();
        if (row == null) {
            return;
        }
        ProviderConfig config = row.toConfig();
        modelsStatus.set("Asking " + (config.baseUrl() == null ? "the endpoint" : config.baseUrl()) + "…");
        tasks.run(() -> backend.models(config), list -> {
            models.setAll(list);
            modelsStatus.set(list.isEmpty() ? "The endpoint lists no models here; type the model name."
                    : list.size() + " models");
        }, failure -> modelsStatus.set("Could not list models: " + Tasks.message(failure)));
    }

    private ProviderRow named(String name) {
        return providers.stream().filter(row -> text(row.nameProperty()).equals(name)).findFirst().orElse(null);
    }

    // --- audio ---------------------------------------------------------------------------------

    public void testMicrophone() {
        micTestResult.set("Listening for 1.5 s… say something.");
        String device = text(inputDevice);
        tasks.run(() -> backend.micTest(device), dbfs -> micTestResult.set(dbfs <= -90
                ? "Silence: no sound reached the microphone. Check the device and its volume."
                : String.format("Loudest: %.0f dBFS%s", dbfs, dbfs < -40 ? " (quiet: speak up or raise the input volume)" : " (good)")),
                failure -> micTestResult.set(Tasks.message(failure)));
    }

    // --- validation ----------------------------------------------------------------------------

    private void validate() {
        providerError.set(validateProviders());
        generalError.set(validateGeneral());
    }

    private String validateProviders() {
        if (providers.isEmpty()) {
            return "Add at least one provider.";
        }
        List<String> names = new ArrayList<>();
        for (ProviderRow row : providers) {
            String name = text(row.nameProperty()).strip();
            String where = "Provider '" + name + "': ";
            if (!PROVIDER_NAME.matcher(name).matches()) {
                return "Provider names use letters, digits, '-', '_' and '.' (\"" + name + "\").";
            }
            if (names.contains(name)) {
                return "Two providers are named '" + name + "'.";
            }
            names.add(name);
            String url = text(row.baseUrlProperty()).strip();
            if (!url.isEmpty() && !isHttpUrl(url)) {
                return where + "the base URL must start with http:// or https:// (e.g. http://localhost:11434).";
            }
            if (url.isEmpty() && row.typeProperty().get() == ProviderType.OPENAI_COMPATIBLE) {
                return where + "an openai-compatible provider needs a base URL (e.g. http://localhost:8080/v1).";
            }
            if (text(row.modelProperty()).isBlank()) {
                return where + "name the model (Fetch lists the endpoint's models).";
            }
            String env = text(row.apiKeyEnvProperty()).strip();
            if (!env.isEmpty() && !ENV_NAME.matcher(env).matches()) {
                return where + "the key variable '" + env + "' is not an environment variable name (e.g. OPENAI_API_KEY).";
            }
            if (!text(row.apiKeyProperty()).isBlank()) {
                if (env.isEmpty()) {
                    return where + "name the key (e.g. " + suggestedEnv(name) + ") so it can be stored and found again.";
                }
                if (!backend.secrets().available()) {
                    return where + "there is no keychain on this system: leave the key empty and set " + env
                            + " in your environment instead.";
                }
            }
        }
        if (!names.contains(text(active))) {
            return "The active provider '" + text(active) + "' is not in the list.";
        }
        return "";
    }

    private String validateGeneral() {
        String path = text(speechModelPath).strip();
        if (!path.isEmpty()) {
            Path folder = Path.of(path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path);
            if (folder.isAbsolute() && !Files.isDirectory(folder.resolve("am"))) {
                return "Speech model: " + folder + " is not a Vosk model folder (it has no 'am' folder). "
                        + "Leave it empty for the bundled English model.";
            }
        }
        if (text(systemPrompt).isBlank()) {
            return "System prompt: write one (it shapes every reply).";
        }
        try {
            KeyCode code = KeyCode.valueOf(text(pushToTalkKey).strip().toUpperCase());
            if (code.isLetterKey() || code.isDigitKey()) {
                return "Push-to-talk key: " + code + " would also type in the text field; use SPACE, F1–F12, CONTROL, ...";
            }
        } catch (IllegalArgumentException e) {
            return "Push-to-talk key: '" + text(pushToTalkKey) + "' is not a key name (SPACE, F8, CONTROL, ...).";
        }
        if (!text(theme).equals("light") && !text(theme).equals("dark")) {
            return "Theme: light or dark.";
        }
        if (text(voice).isBlank()) {
            return "Voice: choose one.";
        }
        return "";
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A text field's value; an editable combo box may hand back null. */
    static String text(javafx.beans.value.ObservableValue<String> value) {
        return value.getValue() == null ? "" : value.getValue();
    }

    static String suggestedEnv(String providerName) {
        return providerName.toUpperCase().replaceAll("[^A-Z0-9]", "_") + "_API_KEY";
    }

    // --- saving --------------------------------------------------------------------------------

    public void onSaved(Consumer<ParleyConfig> listener) {
        this.onSaved = listener;
    }

    /** Validates, stores typed keys in the keychain and writes config.yaml, all in the background. */
    public void save() {
        validate();
        if (!valid.get() || saving.get()) {
            return;
        }
        Map<String, ProviderConfig> configs = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (ProviderRow row : providers) {
            configs.put(text(row.nameProperty()).strip(), row.toConfig());
            if (!text(row.apiKeyProperty()).isBlank()) {
                keys.put(text(row.apiKeyEnvProperty()).strip(), text(row.apiKeyProperty()));
            }
        }
        ConfigWriter.Settings settings = new ConfigWriter.Settings(text(active), configs, text(systemPrompt).strip(),
                text(voice), rounded(rate.get()), rounded(volume.get()), text(outputDevice), text(inputDevice),
                handsFree.get(), text(speechModelPath).strip(), text(pushToTalkKey).strip().toUpperCase(), text(theme));
        saving.set(true);
        saveStatus.set("Saving…");
        tasks.run(() -> {
            keys.forEach((env, key) -> backend.secrets().write(env, key));
            return backend.save(settings);
        }, saved -> {
            saving.set(false);
            providers.forEach(row -> row.apiKeyProperty().set(""));
            saveStatus.set("Saved to " + saved.source() + (keys.isEmpty() ? "" : "; keys stored in the keychain")
                    + ". Voice, device and speech model changes apply at the next start.");
            onSaved.accept(saved);
        }, failure -> {
            saving.set(false);
            saveStatus.set("Not saved: " + Tasks.message(failure));
        });
    }

    /** A slider's 1.1500000000000001 is saved as 1.15. */
    private static double rounded(double value) {
        return Math.round(value * 100) / 100.0;
    }

    // --- properties ----------------------------------------------------------------------------

    public ObservableList<ProviderRow> providers() {
        return providers;
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

    public StringProperty voiceProperty() {
        return voice;
    }

    public ObservableList<String> voices() {
        return voices;
    }

    /** Speaking rate relative to the voice's own pace ({@code tts.rate}). */
    public DoubleProperty rateProperty() {
        return rate;
    }

    /** Loudness as a fraction of full volume ({@code tts.volume}). */
    public DoubleProperty volumeProperty() {
        return volume;
    }

    /** Listen without push-to-talk, ending each utterance at a pause ({@code audio.hands-free}). */
    public BooleanProperty handsFreeProperty() {
        return handsFree;
    }

    public StringProperty inputDeviceProperty() {
        return inputDevice;
    }

    public StringProperty outputDeviceProperty() {
        return outputDevice;
    }

    public ObservableList<String> inputDevices() {
        return inputDevices;
    }

    public ObservableList<String> outputDevices() {
        return outputDevices;
    }

    public ReadOnlyStringProperty micTestResultProperty() {
        return micTestResult.getReadOnlyProperty();
    }

    public StringProperty speechModelPathProperty() {
        return speechModelPath;
    }

    public StringProperty systemPromptProperty() {
        return systemPrompt;
    }

    public StringProperty pushToTalkKeyProperty() {
        return pushToTalkKey;
    }

    public StringProperty themeProperty() {
        return theme;
    }

    public ReadOnlyStringProperty providerErrorProperty() {
        return providerError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty generalErrorProperty() {
        return generalError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public BooleanBinding validBinding() {
        return valid;
    }

    public String keyStorage() {
        return backend.secrets().description();
    }
}
