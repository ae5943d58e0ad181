package dev.parley.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Orders a fallback chain by the latest health checks: a provider whose last check failed (not
 * answering, key rejected) is asked after the others, so a turn goes straight to a healthy fallback
 * instead of waiting out a dead endpoint's timeout. It is only moved back, never dropped: when every
 * provider of the chain failed its check, the chain keeps its order and each is still tried.
 *
 * <p>A result counts only while it is fresh ({@code trustFor}, which follows the background poller's
 * longest wait): with polling off no one checks again, and a stale failure must not bypass a
 * provider for good (its circuit breaker still skips it while it keeps failing).
 */
public final class HealthRouting {

    private static final Logger LOG = LogManager.getLogger(HealthRouting.class);

    /** Routes by nothing: every chain keeps its configured order. */
    public static final HealthRouting NONE = new HealthRouting(() -> Duration.ZERO, Clock.systemUTC());

    private record Result(boolean healthy, String detail, Instant at) {}

    private final Map<String, Result> latest = new ConcurrentHashMap<>();
    private final Supplier<Duration> trustFor;
    private final Clock clock;
    /** Providers moved back at the last ordering, so the log tells each change once, not every turn. */
    private final Set<String> movedBack = new HashSet<>();

    public HealthRouting(Supplier<Duration> trustFor, Clock clock) {
        this.trustFor = trustFor;
        this.clock = clock;
    }

    /** How long a check result is trusted when checks run every {@code intervalSeconds} (0: never). */
    public static Duration trustFor(int intervalSeconds) {
        return intervalSeconds <= 0 ? Duration.ZERO
                : Duration.ofSeconds(intervalSeconds).multipliedBy(HealthPoller.MAX_BACKOFF_FACTOR + 1L);
    }

    /** What a health check of {@code provider} just found; {@code detail} says what is wrong. */
    public void record(String provider, boolean healthy, String detail) {
        if (this == NONE) {
            return; // shared by everything that routes by nothing: it keeps no results
        }
        latest.put(provider, new Result(healthy, detail, clock.instant()));
    }

    /** Whether the latest fresh check of {@code provider} failed; false when unchecked or stale. */
    public boolean knownDown(String provider) {
        Result result = latest.get(provider);
        Duration trusted = trustFor.get();
        return result != null && !result.healthy() && !trusted.isZero()
                && !result.at().plus(trusted).isBefore(clock.instant());
    }

    /** {@code chain} with the providers known to be down after the others, each group in its order. */
    public <T> List<T> order(List<T> chain, Function<T, String> nameOf) {
        List<T> first = new ArrayList<>();
        List<T> last = new ArrayList<>();
        chain.forEach(link -> (knownDown(nameOf.apply(link)) ? last : first).add(link));
        Set<String> nowMovedBack = new HashSet<>();
        if (!first.isEmpty()) {
            last.forEach(link -> nowMovedBack.add(nameOf.apply(link)));
        }
        List<String> names = chain.stream().map(nameOf).toList();
        logChanges(names, nowMovedBack, first.isEmpty() ? "" : nameOf.apply(first.getFirst()));
        first.addAll(last);
        return first;
    }

    private void logChanges(List<String> chain, Set<String> nowMovedBack, String askedFirst) {
        synchronized (movedBack) {
            for (String provider : chain) {
                boolean now = nowMovedBack.contains(provider);
                if (now && movedBack.add(provider)) {
                    LOG.info("Provider '{}' failed its last health check ({}); '{}' is asked first until a check"
                            + " passes", provider, latest.get(provider).detail(), askedFirst);
                } else if (!now && movedBack.remove(provider)) {
                    LOG.info("Provider '{}' is asked in its usual order again: {}", provider,
                            knownDown(provider) ? "no fallback is healthier" : "its health check passed");
                }
            }
        }
    }
}
