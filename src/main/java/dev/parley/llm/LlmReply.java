package dev.parley.llm;

/**
 * A finished reply: the answer (what is spoken), the reasoning (shown, never spoken), token counts
 * where the provider reports them (else -1), when the first answer text arrived, the name of the
 * provider that answered (with a fallback chain, not necessarily the one asked first), and why it
 * ended.
 */
public record LlmReply(String text, String reasoning, int inputTokens, int outputTokens, long firstTextNanos,
        String provider, FinishReason finishReason) {

    public LlmReply {
        finishReason = finishReason != null ? finishReason : FinishReason.UNKNOWN;
    }

    /** A reply whose end was not reported. */
    public LlmReply(String text, String reasoning, int inputTokens, int outputTokens, long firstTextNanos,
            String provider) {
        this(text, reasoning, inputTokens, outputTokens, firstTextNanos, provider, FinishReason.UNKNOWN);
    }
}
