package dev.parley.llm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Announces when a provider's health changes, from wherever Parley learns it: a health check (the
 * switcher's dots, a switch, the API's provider list) or a circuit breaker opening after repeated
 * failures and closing again. Only changes are announced, so a list checked every few seconds does
 * not repeat itself.
 */
public final class HealthNews {

    /** {@code detail} says what is wrong and what to do; empty when healthy. */
    public record Change(String provider, boolean healthy, String detail) {}

    private final Map<String, Boolean> known = new HashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener of every change from now on; the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<Change> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** What was just learned of {@code provider}; announced if it differs from what was known. */
    public void report(String provider, boolean healthy, String detail) {
        synchronized (known) {
            Boolean before = known.put(provider, healthy);
            if (before != null && before == healthy) {
                return;
            }
        }
        Change change = new Change(provider, healthy, healthy ? "" : detail);
        listeners.forEach(listener -> listener.accept(change));
    }
}
