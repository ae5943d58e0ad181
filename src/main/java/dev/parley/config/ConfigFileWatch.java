package dev.parley.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
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
 * <p>The file is looked at once a second (its size, time and identity, which an editor's save by
 * rename changes too) rather than through a {@link java.nio.file.WatchService}: that would keep a
 * thread of the system for ever (the idle budget is 40), and it does not see a config that is a
 * link into a dotfiles folder change. A change is read once the file stood still for a look, so an
 * editor still writing it is not read half-written. Parley's own saves are published by their saver;
 * the file then loads into the config Parley already has, and nothing happens twice.
 */
public final class ConfigFileWatch implements AutoCloseable {

    /** What became of a change to the file; called on the watch's thread. */
    public interface Listener {
        /**
         * The changed file loads; {@code newSettings} when it differs from the config in use and was
         * published, false when it is what Parley saved itself or differs only in comments.
         */
        void loaded(boolean newSettings);

        /** The changed file does not load ({@code problem} says why); the config in use stays. */
        void broken(String problem);
    }

    static final Duration EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = LogManager.getLogger(ConfigFileWatch.class);

    private final Path file;
    private final ConfigChanges changes;
    private final Supplier<ParleyConfig> inUse;
    private final Listener listener;
    private final ConfigLoader loader = new ConfigLoader();
    /** The file as last looked at; null while it is not there. */
    private Object seen;
    /** True while a change seen has not been read yet. */
    private boolean changed;
    private volatile Thread thread;

    /**
     * Watches {@code file} ({@code inUse} is the config Parley runs with, to which each change is
     * compared) without starting to look; {@link #start} or {@link #look} do.
     */
    ConfigFileWatch(Path file, ConfigChanges changes, Supplier<ParleyConfig> inUse, Listener listener) {
        this.file = file;
        this.changes = changes;
        this.inUse = inUse;
        this.listener = listener;
        this.seen = stamp();
    }

    /** Looks at {@code file} every second on a virtual thread of its own until closed. */
    public static ConfigFileWatch start(Path file, ConfigChanges changes, Supplier<ParleyConfig> inUse,
            Listener listener) {
        ConfigFileWatch watch = new ConfigFileWatch(file, changes, inUse, listener);
        watch.thread = Thread.ofVirtual().name("parley-config-watch").start(watch::lookUntilClosed);
        return watch;
    }

    private void lookUntilClosed() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(EVERY);
                look();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed
        }
    }

    /** One look at the file: notes a change, and reads a change once the file stood still since the last look. */
    synchronized void look() {
        Object now = stamp();
        if (!Objects.equals(now, seen)) {
            seen = now;
            changed = true;
            return;
        }
        if (!changed || now == null) { // a file removed (or renamed away mid-save) is not a config to apply
            return;
        }
        changed = false;
        read();
    }

    private void read() {
        ParleyConfig loaded;
        try {
            loaded = loader.load(file);
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

    /** What tells one version of the file from another without reading it; null when it is not there. */
    private Object stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return java.util.List.of(attributes.size(), attributes.lastModifiedTime(),
                    Objects.requireNonNullElse(attributes.fileKey(), ""));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    @Override
    public void close() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }
}
