package dev.parley.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Gemini {@code streamGenerateContent?alt=sse}: each SSE event is a whole
 * {@code GenerateContentResponse}; reasoning parts carry {@code "thought": true}. The reply ends when
 * the stream closes, after a last event with {@code finishReason} and {@code usageMetadata}.
 */
final class GeminiWire implements WireFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String reasoning(String piece) {
        return event(piece, true, null);
    }

    @Override
    public String answer(String piece) {
        return event(piece, false, null);
    }

    @Override
    public String finish() {
        return event(null, false, "STOP");
    }

    @Override
    public String finishAtMaxTokens() {
        return event(null, false, "MAX_TOKENS");
    }

    /** All calls arrive in one response, as {@code functionCall} parts. */
    @Override
    public List<String> toolCalls(List<ScriptedLlmServer.ToolCall> calls) {
        ObjectNode response = JSON.createObjectNode();
        ObjectNode candidate = response.putArray("candidates").addObject();
        ArrayNode parts = candidate.putObject("content").put("role", "model").putArray("parts");
        for (ScriptedLlmServer.ToolCall call : calls) {
            try {
                parts.addObject().putObject("functionCall").put("name", call.name())
                        .set("args", JSON.readTree(call.argumentsJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("scripted tool arguments are not JSON: " + call.argumentsJson(), e);
            }
        }
        candidate.put("index", 0);
        response.put("modelVersion", "scripted").put("responseId", "resp-test");
        return List.of("data: " + response + "\n\n");
    }

    @Override
    public String malformed() {
        return "data: {\"candidates\":[{\"content\":\n\n";
    }

    @Override
    public String errorBody(int status, String message, long retryAfterSeconds) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error").put("code", status).put("message", message).put("status",
                switch (status) {
                    case 400 -> "INVALID_ARGUMENT";
                    case 401 -> "UNAUTHENTICATED";
                    case 403 -> "PERMISSION_DENIED";
                    case 404 -> "NOT_FOUND";
                    case 429 -> "RESOURCE_EXHAUSTED";
                    case 503 -> "UNAVAILABLE";
                    default -> "INTERNAL";
                });
        if (retryAfterSeconds > 0) {
            // Google states the wait in a google.rpc.RetryInfo detail.
            error.putArray("details").addObject()
                    .put("@type", "type.googleapis.com/google.rpc.RetryInfo")
                    .put("retryDelay", retryAfterSeconds + "s");
        }
        return body.toString();
    }

    /** {@code finishReason}: null while the reply streams, set on its last event. */
    private static String event(String text, boolean thought, String finishReason) {
        ObjectNode response = JSON.createObjectNode();
        ObjectNode candidate = response.putArray("candidates").addObject();
        if (text != null) {
            ObjectNode content = candidate.putObject("content").put("role", "model");
            ObjectNode part = content.putArray("parts").addObject().put("text", text);
            if (thought) {
                part.put("thought", true);
            }
        }
        candidate.put("index", 0);
        if (finishReason != null) {
            candidate.put("finishReason", finishReason);
            response.putObject("usageMetadata").put("promptTokenCount", 12).put("candidatesTokenCount", 7)
                    .put("totalTokenCount", 19);
        }
        response.put("modelVersion", "scripted").put("responseId", "resp-test");
        return "data: " + response + "\n\n";
    }
}
