package dev.parley.ui.settings;

import dev.parley.config.ConfigChanges;
import dev.parley.config.ConfigWriter;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.secrets.SecretStore;
import java.util.List;

/**
 * What the settings panel reads and writes. Everything but {@link #config()} and
 * {@link #secrets()} may block (disk, network, audio devices): called off the JavaFX thread.
 */
public interface SettingsBackend {

    ParleyConfig config();

    /**
     * Validates and writes into the user's config.yaml what differs between {@code shown} (the settings
     * as loaded or last saved) and {@code edited}, so what was changed in the file by hand meanwhile
     * stays; then publishes it on {@link #changes()}. Returns it as saved, or throws naming the key.
     */
    ParleyConfig save(ConfigWriter.Settings shown, ConfigWriter.Settings edited);

    /** Every config saved while the window runs (by Settings or the welcome); the window applies it from here. */
    ConfigChanges changes();

    /** The models the endpoint lists, or an empty list where it cannot say (no key, no list API). */
    List<String> models(ProviderConfig provider);

    List<String> inputDevices();

    List<String> outputDevices();

    List<String> voices();

    /** Records a moment from the input device; the loudest level in dBFS. */
    double micTest(String inputDevice);

    SecretStore secrets();

    /** Where the control API's token is kept, to tell the user (never its content). */
    String apiTokenFile();
}
