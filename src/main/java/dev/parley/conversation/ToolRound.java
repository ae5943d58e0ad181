package dev.parley.conversation;

import java.util.List;

/**
 * One round of tool use within an answer: the model asked for {@code calls} (saying {@code text}
 * alongside, often nothing) and each call's result went back to it. A round is recorded only once
 * every call of it has its result, so the history never holds a call without an answer.
 */
public record ToolRound(String text, List<ToolCall> calls) {

    public ToolRound {
        text = text == null ? "" : text.strip();
        calls = List.copyOf(calls);
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("a tool round has at least one call");
        }
    }

    /** The assistant message asking for the calls, then one result message per call, in order. */
    List<Message> messages(boolean withText) {
        List<Message> messages = new java.util.ArrayList<>(calls.size() + 1);
        messages.add(Message.toolRequest(withText ? text : "", calls));
        calls.forEach(call -> messages.add(Message.toolResult(call)));
        return messages;
    }
}
