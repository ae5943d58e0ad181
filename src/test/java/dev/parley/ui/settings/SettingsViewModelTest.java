package dev.parley.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ConfigLoader;
import dev.parley.config.ConfigRules;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ProviderType;
import dev.parley.ui.Tasks;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {

    @TempDir
    Path folder;

    private FakeSettings backend() {
        return new FakeSettings(folder.resolve("config.yaml"), 0);
    }

    @Test
    void validatesAsTyped() {
        SettingsViewModel model = new SettingsViewModel(backend(), Tasks.direct());
        assertThat(model.validBinding().get()).isTrue();

        ProviderRow row = model.providers().rows().getFirst();
        row.baseUrlProperty().set("localhost:11434");
        assertThat(model.providerErrorProperty().get())
                .isEqualTo("Provider 'ollama': base URL 'localhost:11434' is not an http(s) URL like http://localhost:11434");
        assertThat(model.validBinding().get()).isFalse();
        row.baseUrlProperty().set("http://localhost:11434");
        assertThat(model.validBinding().get()).isTrue();

        model.pushToTalkKeyProperty().set("SPAC");
        assertThat(model.generalErrorProperty().get()).startsWith("Push-to-talk key: 'SPAC' is not a key name");
        model.pushToTalkKeyProperty().set("a");
        assertThat(model.generalErrorProperty().get()).startsWith("Push-to-talk key: A would type in the text field");
        for (String typing : List.of("MINUS", "SLASH", "UNDEFINED", "SHIFT", "ALT_GRAPH", "CAPS", "NUMPAD1")) {
            model.pushToTalkKeyProperty().set(typing);
            assertThat(model.generalErrorProperty().get()).as(typing).contains("would type in the text field");
        }
        for (String moving : List.of("TAB", "ENTER", "ESCAPE", "UP", "PAGE_DOWN", "BACK_SPACE")) {
            model.pushToTalkKeyProperty().set(moving);
            assertThat(model.generalErrorProperty().get()).as(moving).contains("is needed to move through the window");
        }
        for (String holdable : List.of("SPACE", "CONTROL", "ALT", "F24", "INSERT", "PAUSE")) {
            model.pushToTalkKeyProperty().set(holdable);
            assertThat(model.generalErrorProperty().get()).as(holdable).isEmpty();
        }
        model.pushToTalkKeyProperty().set("f8");
        assertThat(model.generalErrorProperty().get()).isEmpty();
        model.globalPushToTalkKeyProperty().set("ctrl+F99");
        assertThat(model.generalErrorProperty().get()).startsWith("Global talk key is 'ctrl+F99' but 'F99' is not a key");
        model.globalPushToTalkKeyProperty().set("ctrl+alt+space");
        assertThat(model.generalErrorProperty().get()).isEmpty();

        row.apiKeyEnvProperty().set("my key");
        assertThat(model.providerErrorProperty().get()).contains("is not an environment variable name");
    }

    @Test
    void editsAreUnsavedUntilSavedAndATypedKeyCountsToo() throws Exception {
        SettingsViewModel model = new SettingsViewModel(backend(), Tasks.direct());
        assertThat(model.hasUnsavedChanges()).as("as loaded").isFalse();

        model.pushToTalkKeyProperty().set("F8");
        assertThat(model.hasUnsavedChanges()).isTrue();
        model.save();
        assertThat(model.saveStatusProperty().get()).startsWith("Saved to");
        assertThat(model.hasUnsavedChanges()).as("saved").isFalse();

        model.providers().rows().getFirst().apiKeyProperty().set("sk-typed");
        assertThat(model.hasUnsavedChanges()).as("a key typed, not stored").isTrue();
        model.providers().rows().getFirst().apiKeyProperty().set("");

        model.pushToTalkKeyProperty().set("SPAC");
        assertThat(model.saveStatusProperty().get()).as("no 'Saved to' beside a new problem").isEmpty();
    }

    @Test
    void anEditAfterASaveTakesTheSavedMessageAway() throws Exception {
        SettingsViewModel model = new SettingsViewModel(backend(), Tasks.direct());
        model.pushToTalkKeyProperty().set("F8");
        model.save();
        assertThat(model.saveStatusProperty().get()).startsWith("Saved to");

        model.themeProperty().set("dark");
        assertThat(model.saveStatusProperty().get()).as("'Saved to' beside an edit not saved").isEmpty();

        model.save();
        model.providers().rows().getFirst().baseUrlProperty().set("http://localhost:11511");
        assertThat(model.saveStatusProperty().get()).as("a provider's field counts too").isEmpty();

        model.save();
        model.volumeProperty().set(0.5);
        assertThat(model.saveStatusProperty().get()).as("so does a slider").isEmpty();
    }

    @Test
    void aSaveKeepsWhatWasChangedInTheFileByHandWhileTheWindowWasOpen() throws Exception {
        FakeSettings backend = backend();
        SettingsViewModel model = new SettingsViewModel(backend, Tasks.direct());
        String shipped = Files.readString(backend.file);
        Files.writeString(backend.file, shipped.replace("  theme: light\n", "  theme: dark\n")
                .replace("  rate: 1.0\n", "  rate: 1.5\n")
                .replace("    # embedded:\n", "    # mine\n    mine:\n      type: ollama\n      model: qwen3\n"));

        model.pushToTalkKeyProperty().set("F8");
        model.save();

        assertThat(model.saveStatusProperty().get()).startsWith("Saved to");
        String saved = Files.readString(backend.file);
        assertThat(saved).contains("  push-to-talk-key: F8\n", "  theme: dark\n", "  rate: 1.5\n",
                "    # mine\n    mine:\n      type: ollama\n      model: qwen3\n");
        assertThat(backend.config().llm().providers()).containsKey("mine");
    }

    @Test
    void editsAreSavedOnlyOnceTheSaveSucceedsAndAFailedOneLeavesThemUnsaved() throws Exception {
        java.util.List<Runnable> inFlight = new java.util.ArrayList<>();
        SettingsViewModel model = new SettingsViewModel(backend(), new Tasks(inFlight::add, Runnable::run));
        model.pushToTalkKeyProperty().set("F8");

        model.save();
        assertThat(model.savingProperty().get()).as("the window does not close meanwhile").isTrue();
        assertThat(model.hasUnsavedChanges()).isTrue();
        inFlight.forEach(Runnable::run);
        assertThat(model.hasUnsavedChanges()).isFalse();

        FakeSettings failing = backend();
        failing.saveFailure = new IllegalStateException("No space left on device");
        SettingsViewModel refused = new SettingsViewModel(failing, Tasks.direct());
        refused.pushToTalkKeyProperty().set("F9");
        refused.save();
        assertThat(refused.saveStatusProperty().get()).startsWith("Not saved");
        assertThat(refused.hasUnsavedChanges()).isTrue();
    }

    @Test
    void anAddedProviderOfAnotherTypeDropsTheExampleAddress() {
        SettingsViewModel model = new SettingsViewModel(backend(), Tasks.direct());
        ProviderRow added = model.providers().add();
        assertThat(added.baseUrlProperty().get()).isEqualTo("http://localhost:8080/v1");

        added.typeProperty().set(dev.parley.config.ProviderType.OLLAMA);
        assertThat(added.baseUrlProperty().get()).as("Ollama's own address applies").isEmpty();
        added.typeProperty().set(dev.parley.config.ProviderType.OPENAI_COMPATIBLE);
        assertThat(added.baseUrlProperty().get()).isEqualTo("http://localhost:8080/v1");

        added.baseUrlProperty().set("http://my-box:9000/v1");
        added.typeProperty().set(dev.parley.config.ProviderType.OPENAI);
        assertThat(added.baseUrlProperty().get()).as("a typed address is kept").isEqualTo("http://my-box:9000/v1");
    }

    @Test
    void theActiveProviderCannotBeRemovedAnotherCan() {
        SettingsViewModel model = new SettingsViewModel(backend(), Tasks.direct());
        ProviderRows providers = model.providers();
        ProviderRow active = providers.selectedProperty().get();
        int count = providers.rows().size();

        assertThat(providers.removableBinding().get()).isFalse();
        assertThat(providers.removeRefusalBinding().get()).startsWith("Switch to another provider before removing");
        providers.removeSelected();
        assertThat(providers.rows()).hasSize(count).contains(active);

        ProviderRow other = providers.rows().get(1);
        providers.selectedProperty().set(other);
        assertThat(providers.removableBinding().get()).isTrue();
        assertThat(providers.removeRefusalBinding().get()).isEmpty();
        providers.removeSelected();
        assertThat(providers.rows()).hasSize(count - 1).doesNotContain(other);
    }

    @Test
    void fieldChecksSayWhatTheLoaderWouldSay() {
        SettingsViewModel model = new SettingsViewModel(backend(), Tasks.direct());

        model.providers().rows().getFirst().modelProperty().set(" ");
        assertThat(model.providerErrorProperty().get()).isEqualTo("Provider 'ollama': model "
                + ConfigRules.model(" ").orElseThrow() + " Fetch lists the endpoint's models.");
        model.providers().rows().getFirst().modelProperty().set("llama3.2");
        model.providers().activeProperty().set("gone");
        assertThat(model.providerErrorProperty().get()).isEqualTo("Active provider "
                + ConfigRules.active("gone", model.providers().rows().stream().map(ProviderRow::toString).toList())
                        .orElseThrow());
        model.providers().activeProperty().set("ollama");
        model.themeProperty().set("pink");
        assertThat(model.generalErrorProperty().get()).isEqualTo("Theme " + ConfigRules.theme("pink").orElseThrow() + ".");
    }

    @Test
    void controlApiCheckboxIsSavedAsApiEnabledAndSaysWhereTheTokenIs() throws Exception {
        FakeSettings backend = backend();
        SettingsViewModel model = new SettingsViewModel(backend, Tasks.direct());
        assertThat(model.apiEnabledProperty().get()).as("off by default").isFalse();
        assertThat(model.apiExplanation()).isEqualTo("Lets other programs on this computer drive Parley; they need"
                + " the token in /home/user/.local/share/parley/api-token.");

        model.apiEnabledProperty().set(true);
        model.save();

        ParleyConfig reloaded = new ConfigLoader().load(folder.resolve("config.yaml"));
        assertThat(reloaded.api().enabled()).isTrue();
        assertThat(new SettingsViewModel(backend, Tasks.direct()).apiEnabledProperty().get()).isTrue();
    }

    @Test
    void savesToYamlAndReadsBackWithKeysOnlyInTheKeychain() throws Exception {
        FakeSettings backend = backend();
        SettingsViewModel model = new SettingsViewModel(backend, Tasks.direct());
        ParleyConfig[] saved = new ParleyConfig[1];
        model.onSaved(config -> saved[0] = config);

        ProviderRow added = model.providers().add();
        added.nameProperty().set("lmstudio");
        added.typeProperty().set(ProviderType.OPENAI_COMPATIBLE);
        added.baseUrlProperty().set("http://127.0.0.1:1234/v1");
        added.modelProperty().set("qwen2.5-7b-instruct");
        added.apiKeyEnvProperty().set("LMSTUDIO_API_KEY");
        added.apiKeyProperty().set("sk-secret-123");
        model.providers().activeProperty().set("lmstudio");
        model.themeProperty().set("dark");
        model.pushToTalkKeyProperty().set("F8");
        model.systemPromptProperty().set("Be brief.");
        model.inputDeviceProperty().set("USB Headset");
        model.rateProperty().set(1.2500000001); // a slider's value
        model.volumeProperty().set(0.8);
        model.handsFreeProperty().set(true);
        model.save();

        assertThat(model.saveStatusProperty().get()).startsWith("Saved to ");
        String yaml = Files.readString(backend.file);
        assertThat(yaml).doesNotContain("sk-secret-123");
        assertThat(backend.keychain.entries).containsEntry("LMSTUDIO_API_KEY", "sk-secret-123");
        assertThat(yaml).contains("push-to-talk-key: F8", "theme: dark", "api-key-env: LMSTUDIO_API_KEY",
                "base-url: http://127.0.0.1:1234/v1", "max-attempts: 3");
        assertThat(Files.exists(backend.file.resolveSibling("config.yaml.bak"))).isTrue();

        ParleyConfig reloaded = new ConfigLoader().load(backend.file);
        assertThat(reloaded.llm().active()).isEqualTo("lmstudio");
        assertThat(reloaded.llm().providers().get("lmstudio").model()).isEqualTo("qwen2.5-7b-instruct");
        assertThat(reloaded.llm().providers().get("anthropic").maxTokens()).isEqualTo(1024); // untouched keys stay
        assertThat(reloaded.llm().systemPrompt()).isEqualTo("Be brief.");
        assertThat(reloaded.ui().theme()).isEqualTo("dark");
        assertThat(reloaded.ui().pushToTalkKey()).isEqualTo("F8");
        assertThat(reloaded.audio().inputDevice()).isEqualTo("USB Headset");
        assertThat(reloaded.audio().handsFree()).isTrue();
        assertThat(reloaded.tts().rate()).isEqualTo(1.25);
        assertThat(reloaded.tts().volume()).isEqualTo(0.8);
        assertThat(reloaded.llm().retry().maxAttempts()).isEqualTo(3);
        assertThat(saved[0].ui().theme()).isEqualTo("dark");

        SettingsViewModel again = new SettingsViewModel(backend, Tasks.direct());
        assertThat(again.providers().rows()).extracting(ProviderRow::toString).contains("lmstudio");
        assertThat(again.themeProperty().get()).isEqualTo("dark");
        assertThat(again.rateProperty().get()).isEqualTo(1.25);
        assertThat(again.handsFreeProperty().get()).isTrue();
    }

    @Test
    void aConfigTheLoaderRejectsIsNotWritten() throws Exception {
        FakeSettings backend = backend();
        String before = Files.readString(backend.file);
        SettingsViewModel model = new SettingsViewModel(backend, Tasks.direct());
        model.providers().rows().getFirst().typeProperty().set(ProviderType.OPENAI_COMPATIBLE);
        model.providers().rows().getFirst().baseUrlProperty().set("");
        assertThat(model.validBinding().get()).isFalse();
        model.save();
        assertThat(Files.readString(backend.file)).isEqualTo(before);
    }

    @Test
    void fetchesTheModelListAndTestsTheMicrophone() {
        SettingsViewModel model = new SettingsViewModel(backend(), Tasks.direct());
        model.providers().fetchModels();
        assertThat(model.providers().models()).containsExactly("llama3.2", "qwen2.5:7b");
        assertThat(model.providers().modelsStatusProperty().get()).isEqualTo("2 models");
        model.testMicrophone();
        assertThat(model.micTestResultProperty().get()).isEqualTo("Loudest: -18 dBFS (good)");
        model.loadChoices();
        assertThat(model.inputDevices()).containsExactly("", "Built-in Microphone", "USB Headset");
    }

    @Test
    void aKeyInTheBaseUrlsQueryIsMaskedInTheModelListStatus() {
        Tasks neverDone = new Tasks(work -> {}, Runnable::run);
        SettingsViewModel model = new SettingsViewModel(backend(), neverDone);
        model.providers().rows().getFirst().baseUrlProperty().set("http://gw.example/v1?key=hunter2secretvalue");

        model.providers().fetchModels();

        assertThat(model.providers().modelsStatusProperty().get()).isEqualTo("Asking http://gw.example/v1?key=***…");
    }
}
