package dev.parley.usage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Announces that spending reached 80 % of a budget, once per limit and period (a daily limit once a
 * day, a monthly one once a month) however many turns follow: the assistant's event stream carries it
 * to the window, the terminal and API clients. One per process, shared by every model made in it.
 */
public final class BudgetNews {

    private static final Logger LOG = LogManager.getLogger(BudgetNews.class);

    /**
     * {@code limit}: the config key of the limit ("usage.budget.daily",
     * "llm.providers.NAME.budget.monthly"); {@code period}: the day or month it counts
     * ("2026-12-04", "2026-12"); {@code text}: what the user is told.
     */
    public record Warning(String limit, String period, double spent, double amount, String text) {}

    private final Set<String> announced = new HashSet<>();
    private final List<Consumer<Warning>> listeners = new CopyOnWriteArrayList<>();

    /** Removes its listener; closing throws nothing. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Adds a listener of every warning from now on; the returned handle removes it. */
    public Subscription subscribe(Consumer<Warning> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Announces {@code warning} unless its limit was already announced in its period. */
    public void nearLimit(Warning warning) {
        synchronized (announced) {
            if (!announced.add(warning.limit() + "@" + warning.period())) {
                return;
            }
        }
        LOG.warn(warning.text());
        listeners.forEach(listener -> listener.accept(warning));
    }
}
