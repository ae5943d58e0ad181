package dev.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Tool calls shown compactly on stderr, one line each: {@code [calculate 12*7 → 84]}. */
final class ToolCallFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A tool line stays a line: a model may send or get back megabytes. */
    private static final int MAX_RESULT_CHARS = 120;
    private static final int MAX_ARGUMENT_CHARS = 120;
    /** Providers allow tool names of at most 64 characters (OpenAI, Anthropic): longer is no real tool's. */
    private static final int MAX_NAME_CHARS = 64;

    private ToolCallFormat() {}

    /**
     * The argument values only, in order: {@code {"value":5,"from":"mi","to":"km"}} → {@code 5, mi, km};
     * shortened to 120 characters.
     */
    static String arguments(String argumentsJson) {
        return TerminalText.oneLine(shortened(values(argumentsJson), MAX_ARGUMENT_CHARS));
    }

    private static String values(String argumentsJson) {
        try {
            JsonNode node = JSON.readTree(argumentsJson);
            if (node == null || !node.isObject()) {
                return argumentsJson;
            }
            List<String> values = new ArrayList<>();
            node.properties().forEach(entry -> values.add(entry.getValue().isTextual()
                    ? entry.getValue().asText() : entry.getValue().toString()));
            return String.join(", ", values);
        } catch (Exception e) {
            return argumentsJson;
        }
    }

    static String call(String toolName, String argumentsJson, String result) {
        String oneLine = TerminalText.oneLine(shortened(result.replaceAll("\\s+", " ").strip(), MAX_RESULT_CHARS));
        String arguments = arguments(argumentsJson);
        return "[" + TerminalText.oneLine(shortened(toolName, MAX_NAME_CHARS)) + (arguments.isEmpty() ? "" : " " + arguments) + " → " + oneLine + "]";
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
