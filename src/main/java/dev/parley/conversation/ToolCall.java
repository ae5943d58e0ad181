package dev.parley.conversation;

import java.util.Objects;

/**
 * One tool call of a turn as the conversation keeps it: the id the provider gave the call (the
 * result is matched to it), the tool, its arguments as JSON, and the text that went back to the model
 * (an "error: ..." text included).
 */
public record ToolCall(String id, String name, String arguments, String result) {

    /** Tool arguments and results longer than this are cut in a compact line, so a call stays one line. */
    static final int COMPACT_TEXT = 80;

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (id.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("a tool call needs an id and a tool name");
        }
        arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
        result = result == null ? "" : result;
    }

    /** The call as the transcript and the export show it: {@code calculate {"expression":"21*2"} → 42}. */
    public String compactLine() {
        return compactLine(name, arguments, result);
    }

    /**
     * A call shown on one line, name, arguments and result each cut to {@value #COMPACT_TEXT} characters
     * (a tool name the model made up can be of any length).
     */
    public static String compactLine(String name, String arguments, String result) {
        return compact(name) + " " + compact(arguments) + " → " + compact(result);
    }

    /** A call still running: {@code calculate {"expression":"21*2"} …}. */
    public static String runningLine(String name, String arguments) {
        return compact(name) + " " + compact(arguments) + " …";
    }

    private static String compact(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > COMPACT_TEXT ? oneLine.substring(0, COMPACT_TEXT - 1) + "…" : oneLine;
    }
}
