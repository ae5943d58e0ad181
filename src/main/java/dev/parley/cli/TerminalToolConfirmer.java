package dev.parley.cli;

import dev.parley.tools.ToolConfirmer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Asks on the terminal before a tool listed in {@code llm.tools.confirm} runs. Reads the answer from
 * the same reader as the chat input, so no typed line is lost to a second buffer. Without a
 * terminal nobody can answer, so every such call is refused.
 */
record TerminalToolConfirmer(PrintWriter err, Answers answers, boolean interactive) implements ToolConfirmer {

    /** Where the answer's line comes from: standard input's reader, or the chat's own ({@link TypedMessages}). */
    interface Answers {
        String readLine() throws IOException;
    }

    @Override
    public synchronized boolean confirm(String toolName, String argumentsJson) {
        if (!interactive) {
            err.println("[" + TerminalText.oneLine(toolName) + " refused: needs confirmation, and there is no terminal to ask]");
            err.flush();
            return false;
        }
        err.print("Allow " + TerminalText.oneLine(toolName) + " " + ToolCallFormat.arguments(argumentsJson) + "? [y/N] ");
        err.flush();
        try {
            String answer = answers.readLine();
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (IOException e) {
            return false;
        }
    }
}
