package dev.parley.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Parley keeps things on this machine: the install folder (bundled models, the shipped
 * config), and the per-user folders for config, data and logs (XDG on Linux).
 *
 * <p>System properties win over the environment so tests and the launcher can redirect every
 * folder without touching the user's real ones.
 */
public record ParleyPaths(Path home, Path configDir, Path dataDir, Path logDir) {

    public static final String HOME_PROPERTY = "parley.home";

    public static ParleyPaths fromEnvironment() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    static ParleyPaths resolve(Map<String, String> env, String userHome) {
        Path home = Path.of(System.getProperty(HOME_PROPERTY, ".")).toAbsolutePath().normalize();
        Path configDir = firstOf("parley.config.dir", env.get("XDG_CONFIG_HOME"), userHome, ".config");
        Path dataDir = firstOf("parley.data.dir", env.get("XDG_DATA_HOME"), userHome, ".local/share");
        Path logDir = System.getProperty("parley.log.dir") != null
                ? Path.of(System.getProperty("parley.log.dir"))
                : dataDir.resolve("logs");
        return new ParleyPaths(home, configDir, dataDir, logDir);
    }

    private static Path firstOf(String property, String xdgBase, String userHome, String fallback) {
        String override = System.getProperty(property);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path base = xdgBase != null && !xdgBase.isBlank() ? Path.of(xdgBase) : Path.of(userHome, fallback);
        return base.resolve("parley");
    }

    public Path userConfigFile() {
        return configDir.resolve("config.yaml");
    }

    /** Saved conversations, one JSON file each (on Linux ~/.local/share/parley/conversations). */
    public Path conversationsDir() {
        return dataDir.resolve("conversations");
    }

    /** The Vosk model the build unpacks; used when the config names none. */
    public Path bundledSpeechModel() {
        return home.resolve("models").resolve("vosk-model-small-en-us-0.15");
    }
}
