package dev.parley.llm;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before retry number {@code n}: what the provider asked for (Retry-After) when it
 * said so, else exponential backoff from {@code initial}, doubling per attempt up to {@code max},
 * spread by ±25 % jitter so that clients failing together do not retry together.
 */
final class RetryDelays {

    static final double JITTER = 0.25;

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    RetryDelays(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait after {@code failedAttempts} failed attempts (1 for the first retry). */
    Duration before(int failedAttempts, LlmException failure) {
        if (failure != null && failure.retryAfter().isPresent()) {
            // The provider's own number: waiting less would only earn another 429.
            return failure.retryAfter().get();
        }
        double backoff = initial.toNanos() * Math.pow(2, Math.max(0, failedAttempts - 1));
        double capped = Math.min(backoff, max.toNanos());
        double jittered = capped * (1 - JITTER + 2 * JITTER * random.getAsDouble());
        return Duration.ofNanos(Math.round(Math.min(jittered, max.toNanos())));
    }
}
