package dev.parley.ui.settings;

import dev.parley.config.ConfigRules;
import dev.parley.config.ConfigWriter;
import dev.parley.config.ParleyConfig;
import dev.parley.ui.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings panel: providers ({@link ProviderRows}), voice, audio devices with a mic test, speech
 * model, system prompt, push-to-talk key and theme. Every field is checked as it is typed
 * ({@link SettingsChecks}); {@link #save()} writes config.yaml in the background and reports the
 * config as saved.
 */
public final class SettingsViewModel {

    private final SettingsBackend backend;
    private final Tasks tasks;
    private final ProviderRows providers;
    private final StringProperty voice = new SimpleStringProperty("");
    private final ObservableList<String> voices = FXCollections.observableArrayList();
    private final DoubleProperty rate = new SimpleDoubleProperty(1.0);
    private final DoubleProperty volume = new SimpleDoubleProperty(1.0);
    private final BooleanProperty handsFree = new SimpleBooleanProperty(false);
    private final BooleanProperty talkOver = new SimpleBooleanProperty(true);
    private final BooleanProperty apiEnabled = new SimpleBooleanProperty(false);
    private final StringProperty inputDevice = new SimpleStringProperty("");
    private final StringProperty outputDevice = new SimpleStringProperty("");
    private final ObservableList<String> inputDevices = FXCollections.observableArrayList("");
    private final ObservableList<String> outputDevices = FXCollections.observableArrayList("");
    private final ReadOnlyStringWrapper micTestResult = new ReadOnlyStringWrapper("");
    private final StringProperty speechModelPath = new SimpleStringProperty("");
    private final StringProperty systemPrompt = new SimpleStringProperty("");
    private final StringProperty pushToTalkKey = new SimpleStringProperty("SPACE");
    private final StringProperty theme = new SimpleStringProperty("light");
    private final StringProperty globalPushToTalkKey = new SimpleStringProperty("");
    private final BooleanProperty closeToTray = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper providerError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper generalError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding valid;
    private Consumer<ParleyConfig> onSaved = config -> { };
    /** What was loaded, then what was last saved: what {@link #hasUnsavedChanges} compares with. */
    private ConfigWriter.Settings lastSaved;

    public SettingsViewModel(SettingsBackend backend, Tasks tasks) {
        this.backend = backend;
        this.tasks = tasks;
        this.providers = new ProviderRows(backend, tasks);
        load(backend.config());
        providers.rows().addListener((javafx.collections.ListChangeListener<ProviderRow>) change -> validate());
        for (StringProperty field : List.of(providers.activeProperty(), speechModelPath, systemPrompt, pushToTalkKey,
                theme, voice, globalPushToTalkKey)) {
            field.addListener((obs, old, now) -> validate());
        }
        valid = Bindings.createBooleanBinding(() -> providerError.get().isEmpty() && generalError.get().isEmpty(),
                providerError, generalError);
        validate();
        // "Saved to ..." beside a new problem would say the shown settings are saved; they are not.
        valid.addListener((obs, was, now) -> {
            if (!now && !saving.get()) {
                saveStatus.set("");
            }
        });
        // Nor beside an edit made since: the shown settings would read as saved, and they are not.
        for (javafx.beans.Observable field : List.of(providers.rows(), providers.activeProperty(), voice, rate,
                volume, handsFree, talkOver, apiEnabled, inputDevice, outputDevice, speechModelPath, systemPrompt,
                pushToTalkKey, theme, globalPushToTalkKey, closeToTray)) {
            field.addListener(changed -> {
                if (!saving.get() && hasUnsavedChanges()) {
                    saveStatus.set("");
                }
            });
        }
        lastSaved = edited();
    }

    private void load(ParleyConfig config) {
        providers.load(config);
        voice.set(config.tts().voice());
        voices.setAll(text(voice));
        rate.set(config.tts().rate());
        volume.set(config.tts().volume());
        handsFree.set(config.audio().handsFree());
        talkOver.set(config.audio().talkOver());
        apiEnabled.set(config.api().enabled());
        outputDevice.set(config.tts().outputDevice() == null ? "" : config.tts().outputDevice());
        inputDevice.set(config.audio().inputDevice());
        speechModelPath.set(config.stt().modelPath() == null ? "" : config.stt().modelPath());
        systemPrompt.set(config.llm().systemPrompt());
        pushToTalkKey.set(config.ui().pushToTalkKey());
        theme.set(config.ui().theme());
        globalPushToTalkKey.set(config.ui().globalPushToTalkKey());
        closeToTray.set(config.ui().closeToTray());
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

    // --- audio ---------------------------------------------------------------------------------

    public void testMicrophone() {
        micTestResult.set("Listening for 1.5 s… say something.");
        String device = text(inputDevice);
        tasks.run(() -> backend.micTest(device), dbfs -> micTestResult.set(dbfs <= -90
                ? "Silence: no sound reached the microphone. Check the device and its volume."
                : String.format(Locale.ROOT, "Loudest: %.0f dBFS%s", dbfs, dbfs < -40 ? " (quiet: speak up or raise the input volume)" : " (good)")),
                failure -> micTestResult.set(Tasks.message(failure)));
    }

    // --- validation ----------------------------------------------------------------------------

    private void validate() {
        providerError.set(SettingsChecks.providers(providers.rows(), text(providers.activeProperty()),
                backend.secrets().available()));
        generalError.set(SettingsChecks.general(text(speechModelPath), text(systemPrompt), text(pushToTalkKey),
                text(theme), text(voice), rate.get(), volume.get()));
        if (generalError.get().isEmpty()) {
            generalError.set(ConfigRules.globalPushToTalkKey(text(globalPushToTalkKey))
                    .map(problem -> "Global talk key " + problem + ".").orElse(""));
        }
    }

    /** A text field's value; an editable combo box may hand back null. */
    static String text(javafx.beans.value.ObservableValue<String> value) {
        return value.getValue() == null ? "" : value.getValue();
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
        Map<String, String> keys = providers.typedKeys();
        ConfigWriter.Settings settings = edited();
        ConfigWriter.Settings shown = lastSaved;
        saving.set(true);
        saveStatus.set("Saving…");
        tasks.run(() -> {
            keys.forEach((env, key) -> backend.secrets().write(env, key));
            return backend.save(shown, settings);
        }, saved -> {
            saving.set(false);
            providers.forgetTypedKeys();
            lastSaved = settings;
            saveStatus.set("Saved to " + saved.source() + (keys.isEmpty() ? "" : "; keys stored in the keychain")
                    + ". A new voice, device or speech model loads in the background and takes over from the"
                    + " next answer or utterance.");
            onSaved.accept(saved);
        }, failure -> {
            saving.set(false);
            saveStatus.set("Not saved: " + Tasks.message(failure));
        });
    }

    /** The settings as the fields hold them now, in the form they are saved. */
    private ConfigWriter.Settings edited() {
        return new ConfigWriter.Settings(text(providers.activeProperty()), providers.configs(),
                text(systemPrompt).strip(), text(voice), rounded(rate.get()), rounded(volume.get()),
                text(outputDevice), text(inputDevice), handsFree.get(), talkOver.get(), text(speechModelPath).strip(),
                text(pushToTalkKey).strip().toUpperCase(Locale.ROOT), text(theme), apiEnabled.get(),
                text(globalPushToTalkKey).strip(), closeToTray.get());
    }

    /** Whether closing now would lose edits: a field differs from what was loaded or last saved, or a key was typed. */
    public boolean hasUnsavedChanges() {
        return !edited().equals(lastSaved) || !providers.typedKeys().isEmpty();
    }

    /** A slider's 1.1500000000000001 is saved as 1.15. */
    private static double rounded(double value) {
        return Math.round(value * 100) / 100.0;
    }

    // --- properties ----------------------------------------------------------------------------

    /** The Providers tab: the list being edited, the active one, the selected one's models. */
    public ProviderRows providers() {
        return providers;
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
    /** Whether the window serves the control API ({@code api.enabled}); applied at once on save. */
    public BooleanProperty apiEnabledProperty() {
        return apiEnabled;
    }

    /** The one line under the control API checkbox: what it allows and where the token is. */
    public String apiExplanation() {
        return "Lets other programs on this computer drive Parley; they need the token in "
                + backend.apiTokenFile() + ".";
    }

    public BooleanProperty handsFreeProperty() {
        return handsFree;
    }

    /** {@code audio.talk-over}: hands-free keeps listening while Parley speaks. */
    public BooleanProperty talkOverProperty() {
        return talkOver;
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

    /** The key held to talk while another application has focus; empty: off. */
    public StringProperty globalPushToTalkKeyProperty() {
        return globalPushToTalkKey;
    }

    public BooleanProperty closeToTrayProperty() {
        return closeToTray;
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
