package dev.parley.config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * "The config was saved": whoever saves config.yaml while Parley runs (Settings, the welcome)
 * publishes the config as saved, and the parts that apply settings at once (the voice's rate and
 * volume, the language models, the window) subscribe, instead of the saver pushing each setting to
 * each of them. Listeners run on the publisher's thread, which is not the UI thread; one that fails
 * is logged and does not keep the others from hearing of the save.
 */
public final class ConfigChanges {

    private static final Logger LOG = LogManager.getLogger(ConfigChanges.class);

    private final List<Consumer<ParleyConfig>> listeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} with every config saved from now on; running the returned action stops that. */
    public Runnable subscribe(Consumer<ParleyConfig> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells every subscriber, in the order they subscribed, that {@code saved} is now the config. */
    public void publish(ParleyConfig saved) {
        for (Consumer<ParleyConfig> listener : listeners) {
            try {
                listener.accept(saved);
            } catch (RuntimeException e) {
                LOG.warn("A part of Parley could not take the saved config: {}", e.getMessage(), e);
            }
        }
    }
}
