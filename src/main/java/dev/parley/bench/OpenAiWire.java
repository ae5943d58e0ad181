package dev.parley.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI chat completions: SSE {@code chat.completion.chunk} events, then {@code [DONE]}. */
final class OpenAiWire implements WireFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String contentType() {
        return "text/event-stream";
    }

    @Override
    public String open() {
        return "";
    }

    @Override
    public String reasoning(String piece) {
        return delta("reasoning_content", piece);
    }

    @Override
    public String answer(String piece) {
        return delta("content", piece);
    }

    @Override
    public String finish() {
        ObjectNode chunk = chunk();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("delta");
        chunk.putObject("usage").put("prompt_tokens", 12).put("completion_tokens", 7).put("total_tokens", 19);
        return "data: " + chunk + "\n\ndata: [DONE]\n\n";
    }

    @Override
    public String malformed() {
        return "data: {\"id\":\"chatcmpl-test\",\"choices\":[{\"delta\":\n\n";
    }

    @Override
    public String errorBody(int status, String message, long retryAfterSeconds) {
        // OpenAI repeats the wait in the message of a 429 ("Please try again in 20s.").
        String text = retryAfterSeconds > 0 ? message + " Please try again in " + retryAfterSeconds + "s." : message;
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", text).put("type", switch (status) {
            case 401 -> "invalid_request_error";
            case 404 -> "invalid_request_error";
            case 429 -> "requests";
            default -> "server_error";
        }).putNull("param").put("code", switch (status) {
            case 401 -> "invalid_api_key";
            case 404 -> "model_not_found";
            case 429 -> "rate_limit_exceeded";
            default -> "server_error";
        });
        return error.toString();
    }

    private static String delta(String field, String piece) {
        ObjectNode chunk = chunk();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0).putNull("finish_reason");
        choice.putObject("delta").put(field, piece);
        return "data: " + chunk + "\n\n";
    }

    private static ObjectNode chunk() {
        return JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L).put("model", "scripted");
    }
}
