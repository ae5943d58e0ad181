package dev.parley.llm;

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

    ReplyListener IGNORE = delta -> {};
}
