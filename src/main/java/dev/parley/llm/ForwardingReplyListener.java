package dev.parley.llm;

import dev.parley.conversation.ToolRound;

/**
 * Passes every part of a reply on to another listener; a wrapper that watches a reply (its timing,
 * its text, whether tools ran) overrides only what it watches and calls {@code super}, so a part
 * added to {@link ReplyListener} later is forwarded by all of them at once.
 */
abstract class ForwardingReplyListener implements ReplyListener {

    private final ReplyListener listener;

    ForwardingReplyListener(ReplyListener listener) {
        this.listener = listener;
    }

    @Override
    public void onText(String delta) {
        listener.onText(delta);
    }

    @Override
    public void onReasoning(String delta) {
        listener.onReasoning(delta);
    }

    @Override
    public void onToolCall(String toolName, String argumentsJson) {
        listener.onToolCall(toolName, argumentsJson);
    }

    @Override
    public void onToolResult(String toolName, String result) {
        listener.onToolResult(toolName, result);
    }

    @Override
    public void onToolRound(ToolRound round) {
        listener.onToolRound(round);
    }
}
