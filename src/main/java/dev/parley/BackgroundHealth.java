package dev.parley;

import dev.parley.config.LlmConfig;
import dev.parley.llm.HealthPoller;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Runs the {@link HealthPoller} on a daemon thread of its own for a long-running Parley (the window,
 * {@code chat}, {@code serve}), so the provider dots and failover ({@code llm.HealthRouting}) follow
 * fresh health results; {@code llm.health.interval: 0} runs nothing.
 */
public final class BackgroundHealth implements AutoCloseable {

    /** Both null when polling is off. */
    private final ScheduledExecutorService scheduler;
    private final HealthPoller poller;

    private BackgroundHealth(ScheduledExecutorService scheduler, HealthPoller poller) {
        this.scheduler = scheduler;
        this.poller = poller;
    }

    /**
     * Starts polling every provider of {@code llm}; {@code turnRunning} (the assistant listening,
     * thinking or speaking) and any reply being streamed (an API ask to another conversation too) hold
     * the checks back.
     */
    public static BackgroundHealth start(Components components, LlmConfig llm, BooleanSupplier turnRunning) {
        int seconds = llm.health().interval();
        if (seconds <= 0) {
            return new BackgroundHealth(null, null);
        }
        HealthPoller poller = HealthPoller.of(components.providerHealth(), llm, Duration.ofSeconds(seconds),
                () -> turnRunning.getAsBoolean() || components.answering(), Clock.systemUTC());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("parley-health-poller").daemon(true).factory());
        poller.start(scheduler);
        return new BackgroundHealth(scheduler, poller);
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.close();
            scheduler.shutdownNow();
        }
    }
}
