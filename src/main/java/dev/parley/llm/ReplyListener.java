package dev.parley.llm;

import dev.parley.conversation.ToolRound;

/**
 * Receives a reply as it streams. Answer text and reasoning arrive already separated: reasoning
 * (native fields or inline think tags) never reaches {@link #onText}.
 */
public interface ReplyListener {

    void onText(String delta);

    default void onReasoning(String delta) {}

    /** The model asked for a tool; called before it runs (and before any confirmation). */
    default void onToolCall(String toolName, String argumentsJson) {}

    /** What a tool call returned to the model, an "error: ..." text included. */
    default void onToolResult(String toolName, String result) {}

    /**
     * A round of tool calls finished: every call of it has its result, which goes back to the model
     * next. Told after the round's {@link #onToolResult}s; a round cut off before all its results
     * were in is never told, so a listener that records rounds never holds a call without a result.
     */
    default void onToolRound(ToolRound round) {}

    ReplyListener IGNORE = delta -> {};
}
