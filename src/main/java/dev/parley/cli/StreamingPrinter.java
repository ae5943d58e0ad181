package dev.parley.cli;

import dev.parley.conversation.Conversation;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmReply;
import dev.parley.llm.ReplyListener;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Prints a streaming reply: answer text to stdout as it arrives, reasoning to stderr if asked. */
final class StreamingPrinter implements ReplyListener {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean showThinking;
    private boolean thinking;
    /** Calls waiting for their results, oldest first: results arrive in call order. */
    private final java.util.ArrayDeque<String[]> pendingCalls = new java.util.ArrayDeque<>();

    StreamingPrinter(CommandLine commandLine, boolean showThinking) {
        this.out = commandLine.getOut();
        this.err = commandLine.getErr();
        this.showThinking = showThinking;
    }

    /** Streams the answer to the conversation's last user turn and records it in the conversation. */
    LlmReply answer(LanguageModel model, Conversation conversation) {
        LlmReply reply;
        try {
            reply = model.reply(conversation.messages(), this);
        } catch (RuntimeException e) {
            conversation.withdrawLastUserTurn();
            throw e;
        } finally {
            endThinking();
        }
        conversation.addAssistant(reply.text(), reply.reasoning(), false);
        out.println();
        out.flush();
        if (reply.provider() != null && !reply.provider().equals(model.name())) {
            // A fallback answered: worth knowing, but not part of the answer.
            err.println("(answered by fallback provider '" + reply.provider() + "')");
            err.flush();
        }
        return reply;
    }

    @Override
    public void onText(String delta) {
        endThinking();
        out.print(delta);
        out.flush();
    }

    @Override
    public void onReasoning(String delta) {
        if (showThinking) {
            thinking = true;
            err.print(delta);
            err.flush();
        }
    }

    @Override
    public synchronized void onToolCall(String toolName, String argumentsJson) {
        pendingCalls.add(new String[] {toolName, argumentsJson});
    }

    @Override
    public synchronized void onToolResult(String toolName, String result) {
        String arguments = "";
        for (var iterator = pendingCalls.iterator(); iterator.hasNext(); ) {
            String[] call = iterator.next();
            if (call[0].equals(toolName)) {
                arguments = call[1];
                iterator.remove();
                break;
            }
        }
        endThinking();
        err.println(ToolCallFormat.call(toolName, arguments, result));
        err.flush();
    }

    private void endThinking() {
        if (thinking) {
            err.println();
            err.flush();
            thinking = false;
        }
    }
}
