package dev.parley.usage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One request to a provider, as the ledger keeps it. Tokens are -1 where the provider did not
 * report them; {@code errorKind} is null for a success.
 */
public record UsageRecord(
        Instant at,
        String provider,
        String model,
        @JsonProperty("error") String errorKind,
        @JsonProperty("input_tokens") int inputTokens,
        @JsonProperty("output_tokens") int outputTokens,
        @JsonProperty("ttft_ms") long ttftMs,
        @JsonProperty("duration_ms") long durationMs,
        @JsonProperty("cost_usd") double costUsd) {

    /** Marks a retry scheduled after a failed request (which has its own record). */
    static final String RETRY = "RETRY";

    /** A line saying the provider's last failed request is being retried. */
    public static UsageRecord retry(Instant at, String provider, String model) {
        return new UsageRecord(at, provider, model, RETRY, -1, -1, -1, 0, 0);
    }

    @JsonIgnore // derived from errorKind, not a field of the ledger line
    public boolean isRetry() {
        return RETRY.equals(errorKind);
    }

    public boolean failed() {
        return errorKind != null && !isRetry();
    }

    /** Output tokens per second of streaming, after the first token; NaN when unknown. */
    public double tokensPerSecond() {
        long streamingMs = durationMs - Math.max(0, ttftMs);
        return outputTokens > 0 && streamingMs > 0 ? outputTokens * 1000.0 / streamingMs : Double.NaN;
    }
}
