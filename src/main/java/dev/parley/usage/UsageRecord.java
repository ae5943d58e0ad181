package dev.parley.usage;

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

    public boolean failed() {
        return errorKind != null;
    }

    /** Output tokens per second of streaming, after the first token; NaN when unknown. */
    public double tokensPerSecond() {
        long streamingMs = durationMs - Math.max(0, ttftMs);
        return outputTokens > 0 && streamingMs > 0 ? outputTokens * 1000.0 / streamingMs : Double.NaN;
    }
}
