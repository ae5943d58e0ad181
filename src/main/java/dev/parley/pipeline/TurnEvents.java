package dev.parley.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Fans turn events out to every subscriber. Events are delivered on the thread that produced them
 * (the LLM stream, the synthesis thread), so subscribers hand off to their own thread if they need
 * one (the UI does). A subscriber that throws is logged and skipped: a rendering bug must never
 * break the turn that is being rendered.
 */
public final class TurnEvents implements Consumer<TurnEvent> {

    private static final Logger LOG = LogManager.getLogger(TurnEvents.class);

    private final List<Consumer<TurnEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Adds a subscriber; the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<TurnEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void accept(TurnEvent event) {
        for (Consumer<TurnEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                LOG.error("A turn event subscriber failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
