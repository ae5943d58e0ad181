package dev.parley.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Parley keeps things on this machine: the install folder (bundled models, the shipped
 * config), and the per-user folders for config, data and logs: XDG on Linux, AppData on Windows,
 * Library on macOS.
 *
 * <p>System properties win over the environment so tests and the launcher can redirect every
 * folder without touching the user's real ones.
 */
public record ParleyPaths(Path home, Path configDir, Path dataDir, Path logDir) {

    public static final String HOME_PROPERTY = "parley.home";

    public static ParleyPaths fromEnvironment() {
        return resolve(System.getProperty("os.name", ""), System.getenv(), userHome());
    }

    /**
     * The user's home folder, as {@code ~} means it: {@code $HOME} on Linux and macOS, as every other
     * program there reads it (a script that sets {@code HOME} to try something apart gets Parley apart
     * too); Java's {@code user.home} (the account's entry) on Windows or when {@code HOME} is unset.
     */
    public static String userHome() {
        return userHome(System.getProperty("os.name", ""), System.getenv("HOME"), System.getProperty("user.home"));
    }

    /** {@code path} with a leading {@code ~/} made the user's home, as a shell would; anything else as it is. */
    public static String expandHome(String path) {
        return path.startsWith("~/") ? userHome() + path.substring(1) : path;
    }

    static String userHome(String osName, String homeVariable, String accountHome) {
        boolean windows = osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows");
        return !windows && homeVariable != null && homeVariable.startsWith("/") ? homeVariable : accountHome;
    }

    /**
     * The per-user folders of the OS named {@code osName} (as in the {@code os.name} property):
     * <ul>
     * <li>Windows: config in {@code %APPDATA%\Parley}, data in {@code %LOCALAPPDATA%\Parley}, logs in
     *     {@code %LOCALAPPDATA%\Parley\logs};</li>
     * <li>macOS: config and data in {@code ~/Library/Application Support/Parley}, logs in
     *     {@code ~/Library/Logs/Parley};</li>
     * <li>Linux and other Unixes (XDG): config in {@code $XDG_CONFIG_HOME/parley} (~/.config/parley),
     *     data in {@code $XDG_DATA_HOME/parley} (~/.local/share/parley), logs in its {@code logs}.</li>
     * </ul>
     * The system properties {@code parley.config.dir}, {@code parley.data.dir} and
     * {@code parley.log.dir} override each.
     */
    static ParleyPaths resolve(String osName, Map<String, String> env, String userHome) {
        Path home = Path.of(System.getProperty(HOME_PROPERTY, ".")).toAbsolutePath().normalize();
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        Path configBase;
        Path dataBase;
        Path logBase;
        if (os.startsWith("windows")) {
            configBase = base(env.get("APPDATA"), userHome, "AppData/Roaming").resolve("Parley");
            dataBase = base(env.get("LOCALAPPDATA"), userHome, "AppData/Local").resolve("Parley");
            logBase = dataBase.resolve("logs");
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            configBase = Path.of(userHome, "Library", "Application Support", "Parley");
            dataBase = configBase;
            logBase = Path.of(userHome, "Library", "Logs", "Parley");
        } else {
            configBase = base(env.get("XDG_CONFIG_HOME"), userHome, ".config").resolve("parley");
            dataBase = base(env.get("XDG_DATA_HOME"), userHome, ".local/share").resolve("parley");
            logBase = dataBase.resolve("logs");
        }
        Path configDir = override("parley.config.dir", configBase);
        Path dataDir = override("parley.data.dir", dataBase);
        Path logDir = System.getProperty("parley.log.dir") != null
                ? Path.of(System.getProperty("parley.log.dir"))
                : System.getProperty("parley.data.dir") != null ? dataDir.resolve("logs") : logBase;
        return new ParleyPaths(home, configDir, dataDir, logDir);
    }

    /**
     * The folder an environment variable names, or {@code fallback} in the home folder. A relative path
     * is ignored, as the XDG specification says: it would put the conversations wherever Parley
     * happened to start ("~/data" from a systemd unit or an env file, where "~" is never expanded).
     */
    private static Path base(String fromEnv, String userHome, String fallback) {
        return fromEnv != null && !fromEnv.isBlank() && Path.of(fromEnv).isAbsolute()
                ? Path.of(fromEnv)
                : Path.of(userHome, fallback);
    }

    private static Path override(String property, Path otherwise) {
        String value = System.getProperty(property);
        return value != null && !value.isBlank() ? Path.of(value) : otherwise;
    }

    public Path userConfigFile() {
        return configDir.resolve("config.yaml");
    }

    /** Saved conversations, one JSON file each (on Linux ~/.local/share/parley/conversations). */
    public Path conversationsDir() {
        return dataDir.resolve("conversations");
    }

    /**
     * The Vosk model shipped with Parley; used when the config names none. From a checkout it is the
     * one the build unpacks into {@code models/}; in an installed app-image the launcher sets
     * {@code parley.home} to the image's app folder, which holds the same {@code models/} folder.
     */
    public Path bundledSpeechModel() {
        return home.resolve("models").resolve("vosk-model-small-en-us-0.15");
    }
}
