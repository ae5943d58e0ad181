package dev.parley.pipeline;

import dev.parley.llm.FinishReason;

/**
 * A finished turn: what the user said, the answer and its reasoning, who answered, how many chunks
 * were spoken, and when each stage happened. {@code cutOff} is null for a complete answer, else why
 * the model stopped mid-answer (the conversation keeps the partial answer, marked interrupted).
 * {@code finishReason} is the model's own reason for ending a complete answer ({@link
 * FinishReason#LENGTH}: it reached {@code max-tokens}; what the user is told of it,
 * {@link EndingNotices}); unknown for a cut-off one.
 */
public record TurnResult(String userText, String text, String reasoning, String provider, int chunks,
        TurnTimings timings, String cutOff, FinishReason finishReason) {

    public TurnResult {
        finishReason = finishReason != null ? finishReason : FinishReason.UNKNOWN;
    }

    /** A turn whose finish reason is unknown. */
    public TurnResult(String userText, String text, String reasoning, String provider, int chunks,
            TurnTimings timings, String cutOff) {
        this(userText, text, reasoning, provider, chunks, timings, cutOff, FinishReason.UNKNOWN);
    }

    public boolean complete() {
        return cutOff == null;
    }
}
