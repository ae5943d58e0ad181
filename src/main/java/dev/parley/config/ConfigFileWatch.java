package dev.parley.config;

import dev.parley.storage.FileVersion;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * config.yaml edited while Parley runs (in an editor, by a dotfiles sync) takes effect without a
 * restart, as a save from Settings does: a file that changed and loads is published on
 * {@link ConfigChanges}, kept as the last good config, and told to the {@link Listener}; one that
 * does not load is told with the key and line that are wrong, and Parley goes on with the settings
 * it has.
 *
 * <p>The file is looked at (its size, time and identity, which an editor's save by rename changes
 * too) when the owner says, at moments a change matters: the window looks when it gains the focus
 * (back from the editor, as IDEs sync files on frame activation) and when a turn starts. Not on a
 * timer or through a {@link java.nio.file.WatchService}: either keeps a thread of the system for
 * ever (the idle budget is 40) and wakes an idle Parley, and a watch service does not see a config
 * that is a link into a dotfiles folder change. Parley's own saves run through {@link #ownSave}, which
 * notes the file they wrote as seen; their saver publishes them, and nothing happens twice.
 */
public final class ConfigFileWatch {

    /** What became of a change to the file; called on the thread that looked. */
    public interface Listener {
        /**
         * The changed file loads; {@code newSettings} when it differs from the config in use and was
         * published, false when it is what Parley saved itself or differs only in comments.
         */
        void loaded(boolean newSettings);

        /** The changed file does not load ({@code problem} says why); the config in use stays. */
        void broken(String problem);

        /** Tells no one: the changes are still applied and logged. */
        Listener NONE = new Listener() {
            @Override
            public void loaded(boolean newSettings) {}

            @Override
            public void broken(String problem) {}
        };
    }

    private static final Logger LOG = LogManager.getLogger(ConfigFileWatch.class);

    private final Path file;
    private final ConfigChanges changes;
    private final Supplier<ParleyConfig> inUse;
    private volatile Listener listener = Listener.NONE;
    /** The file as last looked at; null while it is not there. */
    private String seen;

    /**
     * Watches {@code file} as it is now; {@code inUse} is the config Parley runs with, to which each
     * change is compared.
     */
    public ConfigFileWatch(Path file, ConfigChanges changes, Supplier<ParleyConfig> inUse) {
        this.file = file;
        this.changes = changes;
        this.inUse = inUse;
        this.seen = stamp();
    }

    /** From now on, {@code listener} hears what became of each change. */
    public void reportTo(Listener listener) {
        this.listener = listener;
    }

    /**
     * Runs Parley's own save of the file ({@code save} writes it and returns the config saved) so that
     * no look takes it for an edit: a look in the middle would publish the config before its saver
     * does, and the window would apply it twice.
     */
    public synchronized ParleyConfig ownSave(Supplier<ParleyConfig> save) {
        try {
            return save.get();
        } finally {
            seen = stamp();
        }
    }

    /** Reads the file when it changed since the last look; a few microseconds when it did not. */
    public synchronized void look() {
        String now = stamp();
        if (Objects.equals(now, seen)) {
            return;
        }
        seen = now;
        if (now != null) { // a file removed (or renamed away mid-save) is not a config to apply
            read();
        }
    }

    private void read() {
        ParleyConfig loaded;
        try {
            loaded = new ConfigLoader().load(file); // made here: its YAML mapper is not needed at the start
        } catch (ConfigException e) {
            String problem = e.getMessage().strip();
            LOG.warn("{} changed but does not load: {}", file, problem);
            listener.broken(problem);
            return;
        } catch (RuntimeException e) { // never let the watch die of one odd file
            LOG.warn("{} changed but could not be read: {}", file, e.toString());
            listener.broken(file + " could not be read: " + e.getMessage());
            return;
        }
        LastGoodConfig.keep(file);
        if (loaded.equals(inUse.get())) { // Parley's own save, or an edit of comments and spacing only
            listener.loaded(false);
            return;
        }
        LOG.info("{} changed; its settings are now in use", file);
        changes.publish(loaded);
        listener.loaded(true);
    }

    /** {@link FileVersion} of the file, through a link to a dotfiles copy; null while it is not there. */
    private String stamp() {
        return FileVersion.of(file).orElse(null);
    }
}
