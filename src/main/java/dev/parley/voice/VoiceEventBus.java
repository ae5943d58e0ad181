package dev.parley.voice;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Fans voice events out to every listener, on the thread that produced them. A listener that throws
 * is logged and skipped: a rendering bug must never break the turn being rendered.
 */
public final class VoiceEventBus implements Consumer<VoiceEvent> {

    private static final Logger LOG = LogManager.getLogger(VoiceEventBus.class);

    private final List<Consumer<VoiceEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<VoiceEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void accept(VoiceEvent event) {
        for (Consumer<VoiceEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.error("A voice event listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
