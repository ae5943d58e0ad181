package dev.parley.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Ollama {@code /api/chat}: one JSON object per line, the last with {@code "done": true}. */
final class OllamaWire implements WireFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String contentType() {
        return "application/x-ndjson";
    }

    @Override
    public String reasoning(String piece) {
        return message("thinking", piece, null);
    }

    @Override
    public String answer(String piece) {
        return message("content", piece, null);
    }

    @Override
    public String finish() {
        return message("content", "", "stop");
    }

    @Override
    public String finishAtMaxTokens() {
        return message("content", "", "length");
    }

    /**
     * Ollama sends whole calls, arguments as a JSON object, in one line before the done line. Each
     * function carries its index, as recent Ollama servers write it: LangChain4j keys the calls by it,
     * so without it several calls collapse into the last.
     */
    @Override
    public List<String> toolCalls(List<ScriptedLlmServer.ToolCall> calls) {
        ObjectNode line = JSON.createObjectNode().put("model", "scripted").put("created_at", "2026-11-22T00:00:00Z");
        ObjectNode message = line.putObject("message").put("role", "assistant").put("content", "");
        ArrayNode toolCalls = message.putArray("tool_calls");
        for (int index = 0; index < calls.size(); index++) {
            ScriptedLlmServer.ToolCall call = calls.get(index);
            ObjectNode function = toolCalls.addObject().putObject("function").put("index", index).put("name", call.name());
            try {
                function.set("arguments", JSON.readTree(call.argumentsJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("scripted tool arguments are not JSON: " + call.argumentsJson(), e);
            }
        }
        line.put("done", false);
        return List.of(line + "\n");
    }

    @Override
    public String malformed() {
        return "{\"model\":\"scripted\",\"message\":{\n";
    }

    @Override
    public String errorBody(int status, String message, long retryAfterSeconds) {
        return JSON.createObjectNode().put("error", message).toString();
    }

    /** {@code doneReason}: null while the reply streams, set on its last line. */
    private static String message(String field, String piece, String doneReason) {
        ObjectNode line = JSON.createObjectNode().put("model", "scripted").put("created_at", "2026-11-22T00:00:00Z");
        ObjectNode message = line.putObject("message").put("role", "assistant").put("content", "");
        message.put(field, piece);
        line.put("done", doneReason != null);
        if (doneReason != null) {
            line.put("done_reason", doneReason).put("prompt_eval_count", 12).put("eval_count", 7);
        }
        return line + "\n";
    }
}
