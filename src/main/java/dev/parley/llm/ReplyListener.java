package dev.parley.llm;

/**
 * Receives a reply as it streams. Answer text and reasoning arrive already separated: reasoning
 * (native fields or inline think tags) never reaches {@link #onText}.
 */
public interface ReplyListener {

    void onText(String delta);

    default void onReasoning(String delta) {}

    ReplyListener IGNORE = delta -> {};
}
