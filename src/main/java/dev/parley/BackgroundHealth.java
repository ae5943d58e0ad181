package dev.parley;

import dev.parley.config.LlmConfig;
import dev.parley.llm.HealthPoller;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Runs the {@link HealthPoller} on a virtual thread of its own for a long-running Parley (the window,
 * {@code chat}, {@code serve}), so the provider dots and failover ({@code llm.HealthRouting}) follow
 * fresh health results; {@code llm.health.interval: 0} runs nothing.
 */
public final class BackgroundHealth implements AutoCloseable {

    private final Components components;
    private final BooleanSupplier busy;
    /** The providers and interval polled now; all three change together in {@link #follow}. */
    private LlmConfig polled;
    /** Both null when polling is off. */
    private ScheduledExecutorService scheduler;
    private HealthPoller poller;

    private BackgroundHealth(Components components, BooleanSupplier busy) {
        this.components = components;
        this.busy = busy;
    }

    /**
     * Starts polling every provider of {@code llm}; {@code turnRunning} (the assistant listening,
     * thinking or speaking) and any reply being streamed (an API ask to another conversation too) hold
     * the checks back.
     */
    public static BackgroundHealth start(Components components, LlmConfig llm, BooleanSupplier turnRunning) {
        BackgroundHealth health = new BackgroundHealth(components,
                () -> turnRunning.getAsBoolean() || components.answering());
        health.poll(llm);
        return health;
    }

    /**
     * Takes a saved config: when its providers or its interval changed, polling starts over with them
     * and checks every provider at once, so a provider fixed in Settings (a base URL, a key) is not
     * judged by a check of what it was, and one added is checked too.
     */
    public synchronized void follow(LlmConfig saved) {
        if (!Objects.equals(saved.providers(), polled.providers()) || !Objects.equals(saved.health(), polled.health())) {
            stop();
            poll(saved);
        }
    }

    private synchronized void poll(LlmConfig llm) {
        polled = llm;
        int seconds = llm.health().interval();
        if (seconds <= 0) {
            return;
        }
        poller = HealthPoller.of(components.providerHealth(), llm, Duration.ofSeconds(seconds), busy,
                Clock.systemUTC());
        // A virtual thread: between checks (a minute by default) it holds no thread of the system.
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("parley-health-poller").factory());
        poller.start(scheduler);
    }

    private void stop() {
        if (poller != null) {
            poller.close();
            scheduler.shutdownNow();
            poller = null;
            scheduler = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
