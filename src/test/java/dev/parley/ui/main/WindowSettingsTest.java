package dev.parley.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ConfigChanges;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.testing.TestConfigs;
import dev.parley.ui.ScriptedVoiceAssistant;
import dev.parley.ui.Tasks;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a config saved while the window runs (Settings, config.yaml edited by hand) changes in it. */
class WindowSettingsTest {

    @TempDir
    Path folder;

    private final FakeProviders service = new FakeProviders(0);
    private final Banners banners = new Banners();
    private final ProviderSwitcherViewModel providers = new ProviderSwitcherViewModel(service, Tasks.direct(), banners);
    private final ConfigChanges saves = new ConfigChanges();

    private ParleyConfig config(String active, String theme, double rate) throws IOException {
        return new ConfigLoader().load(TestConfigs.write(folder, """
                tts:
                  rate: %s
                ui:
                  theme: %s
                llm:
                  active: %s
                  providers:
                    local:
                      type: ollama
                      model: llama3.2
                    spare:
                      type: openai-compatible
                      base-url: http://localhost:8080/v1
                      model: qwen
                """.formatted(rate, theme, active)));
    }

    private WindowSettings window(ParleyConfig loaded) {
        return new WindowSettings(loaded, providers,
                new MainViewModel(new ScriptedVoiceAssistant(), Tasks.direct(), banners), () -> null, saves,
                Tasks.direct());
    }

    @Test
    void anEditOfSomethingElseKeepsTheProviderAndThemeChosenForThisSession() throws IOException {
        WindowSettings window = window(config("local", "light", 1.0));
        providers.switchTo("spare");
        window.useTheme("dark");

        saves.publish(config("local", "light", 1.3)); // the voice's rate, edited in config.yaml

        assertThat(providers.activeProperty().get().name()).isEqualTo("spare");
        assertThat(service.switched).containsExactly("spare", "spare"); // made again: its entry may have changed
        assertThat(window.themeProperty().get()).isEqualTo("dark");
    }

    @Test
    void aSaveThatChangesTheActiveProviderAndThemeAppliesThem() throws IOException {
        WindowSettings window = window(config("local", "light", 1.0));
        providers.switchTo("spare");
        window.useTheme("dark");

        saves.publish(config("spare", "light", 1.0));
        saves.publish(config("local", "dark", 1.0));
        saves.publish(config("local", "light", 1.0));

        assertThat(service.switched).containsExactly("spare", "spare", "local", "local");
        assertThat(providers.activeProperty().get().name()).isEqualTo("local");
        assertThat(window.themeProperty().get()).isEqualTo("light");
    }
}
