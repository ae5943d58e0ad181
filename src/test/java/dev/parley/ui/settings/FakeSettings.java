package dev.parley.ui.settings;

import dev.parley.config.ConfigChanges;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ConfigWriter;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.secrets.SecretStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Real config writing to {@code file}, an in-memory keychain, fixed devices; each slow call takes {@code delayMs}. */
public final class FakeSettings implements SettingsBackend {

    public final Path file;
    public final Map<String, String> keychain = new ConcurrentHashMap<>();
    public volatile long delayMs;
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
    public ParleyConfig save(ConfigWriter.Settings settings) {
        pause();
        config = new ConfigWriter().save(file, settings);
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
        return new SecretStore() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public String description() {
                return "test keychain";
            }

            @Override
            public Optional<String> read(String name) {
                return Optional.ofNullable(keychain.get(name));
            }

            @Override
            public void write(String name, String secret) {
                keychain.put(name, secret);
            }
        };
    }

    private void pause() {
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
