package dev.parley.ui.settings;

import dev.parley.config.ConfigChanges;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ConfigWriter;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.secrets.SecretStore;
import dev.parley.testing.InMemoryKeychain;
import java.nio.file.Path;
import java.util.List;

/** Real config writing to {@code file}, an in-memory keychain, fixed devices; each slow call takes {@code delayMs}. */
public final class FakeSettings implements SettingsBackend {

    public final Path file;
    public final InMemoryKeychain keychain = new InMemoryKeychain();
    public volatile long delayMs;
    /** When set, saving fails with it (a full disk, a folder made read-only). */
    public volatile RuntimeException saveFailure;
    private volatile ParleyConfig config;
    private final ConfigChanges changes = new ConfigChanges();

    public FakeSettings(Path file, long delayMs) {
        this.file = file;
        this.delayMs = delayMs;
        ConfigLoader.createFromShipped(file);
        this.config = new ConfigLoader().load(file);
    }

    @Override
    public ParleyConfig config() {
        return config;
    }

    @Override
    public ParleyConfig save(ConfigWriter.Settings shown, ConfigWriter.Settings edited) {
        pause();
        if (saveFailure != null) {
            throw saveFailure;
        }
        config = new ConfigWriter().save(file, shown, edited);
        changes.publish(config);
        return config;
    }

    @Override
    public ConfigChanges changes() {
        return changes;
    }

    @Override
    public List<String> models(ProviderConfig provider) {
        pause();
        return List.of("llama3.2", "qwen2.5:7b");
    }

    @Override
    public List<String> inputDevices() {
        return List.of("Built-in Microphone", "USB Headset");
    }

    @Override
    public List<String> outputDevices() {
        return List.of("Speakers", "USB Headset");
    }

    @Override
    public List<String> voices() {
        return List.of("cmu-slt-hsmm");
    }

    @Override
    public double micTest(String inputDevice) {
        pause();
        return -18;
    }

    @Override
    public String apiTokenFile() {
        return "/home/user/.local/share/parley/api-token";
    }

    @Override
    public SecretStore secrets() {
        return keychain;
    }

    private void pause() {
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
