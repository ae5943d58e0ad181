package dev.parley.config;

import dev.parley.storage.AtomicFiles;
import dev.parley.storage.FileErrors;
import dev.parley.storage.WriterLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The one writer of config.yaml: Settings, the welcome and {@code parley setup} all save through it.
 * Edits are made on the file's text ({@link YamlEdits}), so the user's comments, blank lines and
 * key order survive every key the edit does not change. The edited text is loaded and validated
 * before it replaces the file atomically (owner-only, as {@link AtomicFiles} creates it); a result
 * Parley could not load is refused and the file left untouched. The previous file is kept next to it
 * as {@code config.yaml.bak}. A config.yaml that is a link stays one: the file it leads to is replaced
 * ({@link #contentFile}). Saves are serialized across processes by a {@link WriterLock}. API keys are never written: a provider names the environment variable
 * (or keychain entry) that holds its key.
 */
public final class ConfigWriter {

    private static final Logger LOG = LogManager.getLogger(ConfigWriter.class);

    /** Another Parley's save takes milliseconds; this long means it is stuck. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    /** Linux gives up following links after 40 in a row too: more means they loop. */
    private static final int MAX_LINKS = 40;

    /** What the Settings window edits; everything else in the file stays. */
    public record Settings(
            String active, Map<String, ProviderConfig> providers, String systemPrompt,
            String voice, double rate, double volume, String outputDevice, String inputDevice,
            boolean handsFree, boolean talkOver, String speechModelPath, String pushToTalkKey, String theme,
            boolean apiEnabled, String globalPushToTalkKey, boolean closeToTray) {

        public Settings {
            providers = new LinkedHashMap<>(providers);
        }

        /** The settings as {@code config} has them. */
        public static Settings of(ParleyConfig config) {
            return new Settings(config.llm().active(), config.llm().providers(), config.llm().systemPrompt(),
                    config.tts().voice(), config.tts().rate(), config.tts().volume(),
                    nullToEmpty(config.tts().outputDevice()), config.audio().inputDevice(), config.audio().handsFree(),
                    config.audio().talkOver(), nullToEmpty(config.stt().modelPath()), config.ui().pushToTalkKey(),
                    config.ui().theme(), config.api().enabled(), config.ui().globalPushToTalkKey(),
                    config.ui().closeToTray());
        }
    }

    /** Writes every one of {@code settings} into {@code file}; returns the config as now saved. */
    public ParleyConfig save(Path file, Settings settings) {
        return save(file, null, settings);
    }

    /**
     * Writes into {@code file} the settings that differ between {@code shown} (what the window loaded
     * or last saved) and {@code edited}; returns the config as now saved. What the user changed in the
     * file by hand meanwhile stays: a setting the window did not change is not written back from its
     * old copy, and a provider is removed only when it was removed in the window. A null {@code shown}
     * writes every setting.
     */
    public ParleyConfig save(Path file, Settings shown, Settings edited) {
        return update(file, edits -> apply(edits, shown, edited));
    }

    /**
     * Makes {@code name} the active provider. {@code entry} holds keys to set in its
     * {@code llm.providers} entry (created when missing); {@code newEntryDefaults} are added only when
     * the entry is new. Empty maps leave the entry as it is.
     */
    public ParleyConfig activate(Path file, String name, Map<String, Object> entry,
            Map<String, Object> newEntryDefaults) {
        return update(file, edits -> {
            boolean isNew = !edits.keys(List.of("llm", "providers")).contains(name);
            entry.forEach((key, value) -> edits.set(List.of("llm", "providers", name, key), value));
            if (isNew && !entry.isEmpty()) {
                newEntryDefaults.forEach((key, value) -> edits.set(List.of("llm", "providers", name, key), value));
            }
            edits.set(List.of("llm", "active"), name);
        });
    }

    /**
     * Applies {@code change} to {@code file} (created from the shipped config if missing), validates the
     * result and replaces the file; returns the config as now saved. Fails with a {@link ConfigException}
     * naming the key, leaving the file untouched.
     */
    public ParleyConfig update(Path file, Consumer<YamlEdits> change) {
        try {
            // Read, edited and replaced under the lock: two Parleys saving at once each keep the
            // other's change instead of writing over it.
            return WriterLock.holding(file, LOCK_WAIT, () -> {
                Path content = contentFile(file);
                if (!Files.exists(content)) {
                    ConfigLoader.createFromShipped(content);
                }
                refuseReadOnly(file, content);
                byte[] before = Files.readAllBytes(content);
                YamlEdits edits = new YamlEdits(new String(before, StandardCharsets.UTF_8));
                try {
                    change.accept(edits);
                } catch (YAMLException unparsable) {
                    throw broken(file, unparsable);
                }
                byte[] after = edits.text().getBytes(StandardCharsets.UTF_8);
                validate(file, after);
                AtomicFiles.write(file.resolveSibling(file.getFileName() + ".bak"), before);
                AtomicFiles.write(content, after);
                ParleyConfig saved = new ConfigLoader().load(file);
                LastGoodConfig.keep(file);
                return saved;
            });
        } catch (WriterLock.BusyException e) {
            throw new ConfigException("Cannot save " + file + ": " + e.getMessage() + ".", e);
        } catch (IOException e) {
            throw new ConfigException("Cannot write " + file + ": " + FileErrors.reason(e) + ". "
                    + FileErrors.remedy(e, file.toAbsolutePath().getParent()), e);
        }
    }

    /**
     * Where config.yaml's text lives: the file a link in its place leads to (through every link), else
     * the file itself. The atomic replace happens there, so a config kept in a dotfiles folder and
     * linked in stays linked and the save lands in the dotfiles copy, as editors (vim) and
     * {@code git config} do; replacing the link itself would quietly cut the config off from that copy.
     * The replaced target is made owner-only like any config Parley writes.
     */
    static Path contentFile(Path file) throws IOException {
        Path content = file.toAbsolutePath();
        for (int links = 0; Files.isSymbolicLink(content); links++) {
            if (links == MAX_LINKS) {
                throw new FileSystemException(file.toString(), null, "its links lead round in a circle (more than "
                        + MAX_LINKS + " in a row); point " + file + " at a file");
            }
            content = content.resolveSibling(Files.readSymbolicLink(content));
        }
        return content;
    }

    /**
     * A config the user made read-only stays as it is: the replace renames over it, which a writable
     * folder allows whatever the file's own permissions, and would leave it writable (0600).
     */
    private static void refuseReadOnly(Path file, Path content) throws IOException {
        boolean posix = Files.getFileAttributeView(content, PosixFileAttributeView.class) != null;
        boolean readOnly = posix ? !Files.getPosixFilePermissions(content).contains(PosixFilePermission.OWNER_WRITE)
                : !Files.isWritable(content);
        if (readOnly) {
            throw new ConfigException(file + " is read-only, so Parley leaves it as it is: make it writable ("
                    + (posix ? "chmod u+w " + content : "untick Read-only in its Properties") + ") to save settings,"
                    + " or change it by hand.");
        }
    }

    /**
     * The file as it is does not parse (edited by hand while Parley ran): the loader's sentence for it,
     * naming the line, rather than the YAML parser's own lines.
     */
    private static ConfigException broken(Path file, YAMLException unparsable) {
        try {
            new ConfigLoader().load(file);
        } catch (ConfigException loaderSays) {
            String problem = loaderSays.getMessage().strip();
            return new ConfigException(problem + (problem.endsWith(".") ? "" : ".") + " Fix that, then save again.",
                    unparsable);
        }
        return new ConfigException(file + " cannot be edited: " + unparsable.getMessage().lines().findFirst().orElse("")
                + ". Fix it by hand, then save again.", unparsable);
    }

    /**
     * Loads {@code bytes} from a hidden file next to {@code file}, so relative paths resolve the same; a
     * refusal names {@code file}, which the user knows, not the hidden one.
     */
    private static void validate(Path file, byte[] bytes) throws IOException {
        Path candidate = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".", ".new");
        try {
            Files.write(candidate, bytes);
            new ConfigLoader().load(candidate);
        } catch (ConfigException refused) {
            throw new ConfigException(refused.getMessage().replace(candidate.toString(), file.toString()), refused);
        } finally {
            Files.deleteIfExists(candidate);
        }
    }

    private static void apply(YamlEdits edits, Settings shown, Settings edited) {
        Changed<Settings> changed = new Changed<>(edits, shown, edited);
        changed.write(List.of("stt", "model-path"), s -> nullToEmpty(s.speechModelPath()));
        changed.write(List.of("tts", "voice"), Settings::voice);
        changed.write(List.of("tts", "rate"), Settings::rate);
        changed.write(List.of("tts", "volume"), Settings::volume);
        changed.write(List.of("tts", "output-device"), s -> nullToEmpty(s.outputDevice()));
        changed.write(List.of("audio", "input-device"), s -> nullToEmpty(s.inputDevice()));
        changed.write(List.of("audio", "hands-free"), Settings::handsFree);
        changed.write(List.of("audio", "talk-over"), Settings::talkOver);
        changed.write(List.of("ui", "push-to-talk-key"), Settings::pushToTalkKey);
        changed.write(List.of("ui", "theme"), Settings::theme);
        changed.write(List.of("ui", "global-push-to-talk-key"), s -> nullToEmpty(s.globalPushToTalkKey()));
        changed.write(List.of("ui", "close-to-tray"), Settings::closeToTray);
        changed.write(List.of("api", "enabled"), Settings::apiEnabled);
        List<String> providers = List.of("llm", "providers");
        List<String> inFile = edits.keys(providers);
        for (String old : inFile) {
            boolean removedInWindow = shown == null || shown.providers().containsKey(old);
            if (removedInWindow && !edited.providers().containsKey(old)) {
                edits.remove(List.of("llm", "providers", old));
            }
        }
        // Keys the window does not show (temperature, max-tokens, ...) stay in each entry as they are.
        edited.providers().forEach((name, provider) -> {
            ProviderConfig was = shown == null ? null : shown.providers().get(name);
            boolean chosen = shown != null && name.equals(edited.active()) && !name.equals(shown.active());
            if (was != null && !inFile.contains(name) && (!was.equals(provider) || chosen)) {
                // Removed from the file by hand while the window showed it, then edited or chosen there:
                // the later, explicit edit wins, and the entry is written whole rather than as the
                // changed keys alone, which would leave an entry without a type.
                LOG.info("llm.providers.{} was no longer in the config file (removed by hand while Settings showed"
                        + " it); the window's edit writes it again", name);
                was = null;
            }
            Changed<ProviderConfig> entry = new Changed<>(edits, was, provider);
            // An optional key the window emptied leaves the file rather than becoming null.
            entry.write(List.of("llm", "providers", name, "type"), p -> p.type().configName());
            entry.write(List.of("llm", "providers", name, "base-url"), ProviderConfig::baseUrl, edits::setOrRemove);
            entry.write(List.of("llm", "providers", name, "model"), ProviderConfig::model);
            entry.write(List.of("llm", "providers", name, "api-key-env"), ProviderConfig::apiKeyEnv, edits::setOrRemove);
        });
        changed.write(List.of("llm", "active"), Settings::active);
        changed.write(List.of("llm", "system-prompt"), Settings::systemPrompt);
    }

    /**
     * Writes a setting (of the whole {@link Settings} or of one provider) where {@code edited} differs from
     * {@code shown}: every one when nothing was shown, as for a provider added in the window.
     */
    private record Changed<S>(YamlEdits edits, S shown, S edited) {

        void write(List<String> path, Function<S, Object> setting) {
            write(path, setting, edits::set);
        }

        <T> void write(List<String> path, Function<S, T> setting, BiConsumer<List<String>, T> edit) {
            T value = setting.apply(edited);
            if (shown == null || !Objects.equals(setting.apply(shown), value)) {
                edit.accept(path, value);
            }
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
