package dev.parley.ui.settings;

import dev.parley.config.ParleyPaths;
import dev.parley.config.ConfigRules;
import dev.parley.config.ShownValues;
import dev.parley.config.ProviderType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.scene.input.KeyCode;

/**
 * The Settings window's field checks, run as the user types. Rules config.yaml itself has come from
 * {@link ConfigRules}, the same the loader applies; the rest are the window's own: names it can store
 * a key under, a key to hold that does not type, a Vosk folder that exists.
 */
public final class SettingsChecks {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PROVIDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private SettingsChecks() {}

    /** The first problem of the provider list, or empty. */
    static String providers(List<ProviderRow> rows, String active, boolean keychainAvailable) {
        List<String> names = new ArrayList<>();
        for (ProviderRow row : rows) {
            String name = SettingsViewModel.text(row.nameProperty()).strip();
            if (!PROVIDER_NAME.matcher(name).matches()) {
                return "Provider names use letters, digits, '-', '_' and '.' (\"" + name + "\").";
            }
            if (names.contains(name)) {
                return "Two providers are named " + ShownValues.quoted(name) + ".";
            }
            names.add(name);
            String problem = provider(row, name, keychainAvailable);
            if (!problem.isEmpty()) {
                return "Provider " + ShownValues.quoted(name) + ": " + problem;
            }
        }
        if (rows.isEmpty()) {
            return "Add at least one provider.";
        }
        return ConfigRules.active(active, names).map(problem -> "Active provider " + problem).orElse("");
    }

    private static String provider(ProviderRow row, String name, boolean keychainAvailable) {
        ProviderType type = row.typeProperty().get();
        Optional<String> url = ConfigRules.baseUrl(type, SettingsViewModel.text(row.baseUrlProperty()));
        if (url.isPresent()) {
            return "base URL " + url.get();
        }
        Optional<String> model = ConfigRules.model(SettingsViewModel.text(row.modelProperty()));
        if (model.isPresent()) {
            return "model " + model.get() + " Fetch lists the endpoint's models.";
        }
        String env = SettingsViewModel.text(row.apiKeyEnvProperty()).strip();
        if (!env.isEmpty() && !ENV_NAME.matcher(env).matches()) {
            return "the key variable " + ShownValues.quoted(env) + " is not an environment variable name (e.g. OPENAI_API_KEY).";
        }
        if (!SettingsViewModel.text(row.apiKeyProperty()).isBlank()) {
            if (env.isEmpty()) {
                return "name the key (e.g. " + suggestedEnv(name) + ") so it can be stored and found again.";
            }
            if (!keychainAvailable) {
                return "there is no keychain on this system: leave the key empty and set " + env
                        + " in your environment instead.";
            }
        }
        return "";
    }

    /** The first problem of the other tabs' fields, or empty. */
    static String general(String speechModelPath, String systemPrompt, String pushToTalkKey, String theme,
            String voice, double rate, double volume) {
        Optional<Path> folder = speechModelFolder(speechModelPath);
        if (folder.isEmpty() && !speechModelPath.isBlank()) {
            return "Speech model: " + ShownValues.quoted(speechModelPath) + " is not a folder's path.";
        }
        if (folder.isPresent() && folder.get().isAbsolute() && !Files.isDirectory(folder.get().resolve("am"))) {
            return "Speech model: " + folder.get() + " is not a Vosk model folder (it has no 'am' folder). "
                    + "Leave it empty for the bundled English model.";
        }
        if (systemPrompt.isBlank()) {
            return "System prompt: write one (it shapes every reply).";
        }
        Optional<String> placeholders = ConfigRules.systemPrompt(systemPrompt);
        if (placeholders.isPresent()) {
            return "System prompt " + placeholders.get() + ".";
        }
        String key = pushToTalkKey(pushToTalkKey);
        if (!key.isEmpty()) {
            return key;
        }
        Optional<String> problem = ConfigRules.theme(theme).map(text -> "Theme " + text + ".")
                .or(() -> ConfigRules.rate(rate).map(text -> "Rate " + text + "."))
                .or(() -> ConfigRules.volume(volume).map(text -> "Volume " + text + "."));
        if (problem.isPresent()) {
            return problem.get();
        }
        return voice.isBlank() ? "Voice: choose one." : "";
    }

    /** The speech model folder the field names, {@code ~/} as the home folder; empty for the bundled model. */
    static Optional<Path> speechModelFolder(String text) {
        String path = text == null ? "" : text.strip();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(ParleyPaths.expandHome(path)));
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String pushToTalkKey(String name) {
        try {
            return talkKeyProblem(KeyCode.valueOf(name.strip().toUpperCase(Locale.ROOT))).map(problem -> "Push-to-talk key: "
                    + problem + "; use Space, F1–F24, Ctrl, Alt, Insert or Pause").orElse("");
        } catch (IllegalArgumentException e) {
            return "Push-to-talk key: " + ShownValues.quoted(name) + " is not a key name (SPACE, F8, CONTROL, ...).";
        }
    }

    /** Keys that move through the window or send and stop: held to talk, they would be taken from the keyboard. */
    private static final Set<KeyCode> NAVIGATION = Set.of(KeyCode.TAB, KeyCode.ENTER, KeyCode.ESCAPE, KeyCode.UP,
            KeyCode.DOWN, KeyCode.LEFT, KeyCode.RIGHT, KeyCode.HOME, KeyCode.END, KeyCode.PAGE_UP, KeyCode.PAGE_DOWN,
            KeyCode.BACK_SPACE, KeyCode.DELETE);

    /**
     * Keys that can be held to talk: they type nothing and move nothing. Any other would type in the
     * text field (a letter, a mark, a key of another layout JavaFX calls UNDEFINED) or change what is
     * typed (Shift, AltGr, Caps Lock).
     */
    private static final Set<KeyCode> HOLDABLE = ConfigRules.HOLDABLE_KEYS.stream().map(KeyCode::valueOf)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Why {@code key} cannot be the in-window talk key, or empty when it can. */
    public static Optional<String> talkKeyProblem(KeyCode key) {
        if (HOLDABLE.contains(key)) {
            return Optional.empty();
        }
        if (NAVIGATION.contains(key)) {
            return Optional.of(key.getName() + " is needed to move through the window, send or stop");
        }
        String name = key == KeyCode.UNDEFINED ? "that key" : key.getName();
        return Optional.of(name + " would type in the text field or change what is typed");
    }

    static String suggestedEnv(String providerName) {
        return providerName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_API_KEY";
    }
}
