package dev.parley.llm;

/**
 * A finished reply: the answer (what is spoken), the reasoning (shown, never spoken), token counts
 * where the provider reports them (else -1), and when the first answer text arrived.
 */
public record LlmReply(String text, String reasoning, int inputTokens, int outputTokens, long firstTextNanos) {}
