package dev.parley.llm;

import dev.parley.config.LlmConfig;
import dev.parley.config.ProviderConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Checks providers in the background, each every {@code interval}; a provider that keeps failing
 * is checked less often (the wait doubles per failure, up to 10 × the interval), so a dead endpoint
 * costs little. Nothing is checked while a turn runs: the turn's own request must not share the
 * network or the provider's rate limit with a probe. The check itself reports to {@link HealthNews},
 * which the window's dots and the event stream follow.
 */
public final class HealthPoller implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(HealthPoller.class);
    static final int MAX_BACKOFF_FACTOR = 10;

    /** Checks the providers due, all at once, and tells which are healthy. */
    private final Function<List<String>, Map<String, Boolean>> checkAll;
    private final Duration interval;
    private final BooleanSupplier turnRunning;
    private final Clock clock;
    private final Map<String, Schedule> schedules = new LinkedHashMap<>();
    private ScheduledFuture<?> ticking;

    private static final class Schedule {
        Instant due;
        int failures;

        Schedule(Instant due) {
            this.due = due;
        }
    }

    /**
     * {@code checkAll} checks the providers due, all at once, and tells which are healthy (one left out
     * counts as failed); {@code providers} are due at once.
     */
    HealthPoller(Function<List<String>, Map<String, Boolean>> checkAll, List<String> providers, Duration interval,
            BooleanSupplier turnRunning, Clock clock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("A health check interval must be positive: " + interval);
        }
        this.checkAll = checkAll;
        this.interval = interval;
        this.turnRunning = turnRunning;
        this.clock = clock;
        providers.forEach(provider -> schedules.put(provider, new Schedule(clock.instant())));
    }

    /**
     * Every configured provider, checked with {@code health} (which reports each result to its news);
     * the providers due are checked at once, as {@code GET /providers} checks them, so at start a chain
     * of dead endpoints takes one timeout, not one each, and no check waits longer than
     * {@link ProviderHealth#reportLimit()}. One that needs a key and has none is not contacted (looked
     * at again at each of its turns, so a key set meanwhile counts).
     */
    public static HealthPoller of(ProviderHealth health, LlmConfig llm, Duration interval, BooleanSupplier turnRunning,
            Clock clock) {
        return new HealthPoller(due -> {
            Map<String, Boolean> healthy = new HashMap<>();
            Map<String, ProviderConfig> contacted = new LinkedHashMap<>();
            for (String name : due) {
                ProviderConfig provider = llm.providers().get(name);
                if (health.couldAnswer(provider)) {
                    contacted.put(name, provider);
                } else {
                    healthy.put(name, true);
                }
            }
            if (!contacted.isEmpty()) {
                health.check(contacted, null).forEach(check -> healthy.put(check.name(), check.healthy()));
            }
            return healthy;
        }, List.copyOf(llm.providers().keySet()), interval, turnRunning, clock);
    }

    /** Polls on {@code scheduler} from now on, looking for due providers once per interval. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        ticking = scheduler.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Checks each provider that is due, unless a turn runs; returns the providers checked. */
    public synchronized List<String> poll() {
        if (turnRunning.getAsBoolean()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<String> checked = schedules.entrySet().stream().filter(entry -> !entry.getValue().due.isAfter(now))
                .map(Map.Entry::getKey).toList();
        Map<String, Boolean> results = checked.isEmpty() ? Map.of() : checkAllSafely(checked);
        for (String provider : checked) {
            Schedule schedule = schedules.get(provider);
            boolean healthy = results.getOrDefault(provider, false);
            schedule.failures = healthy ? 0 : schedule.failures + 1;
            schedule.due = now.plus(waitAfter(schedule.failures));
        }
        return checked;
    }

    /** The wait before the next check after {@code failures} failures in a row. */
    Duration waitAfter(int failures) {
        long factor = failures == 0 ? 1 : Math.min(MAX_BACKOFF_FACTOR, 1L << Math.min(failures, 30));
        return interval.multipliedBy(factor);
    }

    private Map<String, Boolean> checkAllSafely(List<String> due) {
        try {
            return checkAll.apply(due);
        } catch (RuntimeException e) {
            LOG.warn("Health check of providers {} failed: {}", due, e.getMessage());
            return Map.of();
        }
    }

    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }
}
