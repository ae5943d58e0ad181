package dev.parley.config;

import dev.parley.storage.AtomicFiles;
import dev.parley.storage.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The last config that loaded, kept so that a long-running Parley (the window, {@code chat},
 * {@code serve}) still starts when config.yaml was broken by hand: it starts with the copy and says
 * which key and line of the file are wrong. The copy is a hidden file beside the config
 * ({@code .config.yaml.last-good}, so relative paths in it resolve the same), private, replaced only
 * by a config that loaded. The user's broken file is never written. One-shot commands ({@code ask},
 * {@code say}, ...) do not fall back: they fail with the error, because an answer from stale settings
 * the user did not ask for is worse than being told at once what to fix.
 */
public final class LastGoodConfig {

    /**
     * A config for this start: the file's own, or the last good copy; {@code notice} then says what is
     * wrong with the file and that the last good settings are in use.
     */
    public record Loaded(ParleyConfig config, Optional<String> notice) {}

    private static final Logger LOG = LogManager.getLogger(LastGoodConfig.class);

    private LastGoodConfig() {}

    /** Where the copy of {@code configFile} is kept. */
    public static Path copyOf(Path configFile) {
        Path absolute = configFile.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".last-good");
    }

    /**
     * Loads {@code explicitFile}, or the user's config (created on first run); on success keeps a copy,
     * on a {@link ConfigException} falls back to the copy when there is one that loads.
     *
     * @throws ConfigException the file's own error, when there is no usable copy
     */
    public static Loaded load(Path explicitFile, ParleyPaths paths) {
        return load(explicitFile, paths, false);
    }

    /**
     * As {@link #load(Path, ParleyPaths)}, for a Parley that applies the file once it is fixed and saved
     * ({@code watched}, the window: {@link ConfigFileWatch}); the notice then says so instead of asking
     * for a restart.
     */
    public static Loaded load(Path explicitFile, ParleyPaths paths, boolean watched) {
        ConfigLoader loader = new ConfigLoader();
        Path file = explicitFile != null ? explicitFile : paths.userConfigFile();
        try {
            ParleyConfig config = loader.load(explicitFile, paths);
            keep(file);
            return new Loaded(config, Optional.empty());
        } catch (ConfigException broken) {
            Path copy = copyOf(file);
            if (!Files.isRegularFile(copy)) {
                throw broken;
            }
            ParleyConfig lastGood;
            try {
                lastGood = loader.load(copy);
            } catch (ConfigException alsoBroken) {
                LOG.warn("The last good config {} does not load either: {}", copy, alsoBroken.getMessage());
                throw broken;
            }
            // The user's file is still the one saved to (a save then says what to fix in it first, rather
            // than landing in the hidden copy) and watched; relative paths resolve the same beside it.
            lastGood = lastGood.withSource(file);
            String problem = broken.getMessage().strip();
            String thenWhat = watched ? " and save it: Parley takes it without a restart. "
                    : " and restart Parley to use it. ";
            String notice = problem + (problem.endsWith(".") ? "" : ".") + " Parley started with the last settings that worked (saved "
                    + savedAt(copy) + "); fix " + file.getFileName() + thenWhat + file + " was left as it is.";
            LOG.warn(notice);
            return new Loaded(lastGood, Optional.of(notice));
        }
    }

    /** Keeps {@code file}, which just loaded, as the last good config (written only when it changed). */
    public static void keep(Path file) {
        Path copy = copyOf(file);
        try {
            byte[] now = Files.readAllBytes(file);
            if (Files.isRegularFile(copy) && Arrays.equals(now, Files.readAllBytes(copy))) {
                return;
            }
            AtomicFiles.write(copy, now);
        } catch (IOException | SecurityException e) {
            // Without a copy Parley still starts; it only cannot fall back later.
            LOG.warn("Could not keep a copy of the working config {} as {}: {}", file, copy,
                    e instanceof IOException io ? FileErrors.reason(io) : e.getMessage());
        }
    }

    private static String savedAt(Path copy) {
        try {
            return DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.ENGLISH)
                    .format(Files.getLastModifiedTime(copy).toInstant().atZone(ZoneId.systemDefault()));
        } catch (IOException e) {
            return "earlier";
        }
    }
}
