package dev.parley.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** OpenAI chat completions: SSE {@code chat.completion.chunk} events, then {@code [DONE]}. */
final class OpenAiWire implements WireFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String reasoning(String piece) {
        return delta("reasoning_content", piece);
    }

    @Override
    public String answer(String piece) {
        return delta("content", piece);
    }

    /**
     * As OpenAI streams them: per call a first delta with index, id, type and name (empty arguments),
     * then the arguments in pieces carrying only the index, to be joined by the client.
     */
    @Override
    public List<String> toolCalls(List<ScriptedLlmServer.ToolCall> calls) {
        List<String> pieces = new ArrayList<>();
        for (int index = 0; index < calls.size(); index++) {
            ScriptedLlmServer.ToolCall call = calls.get(index);
            ObjectNode start = JSON.createObjectNode().put("index", index).put("id", call.id()).put("type", "function");
            start.putObject("function").put("name", call.name()).put("arguments", "");
            pieces.add(toolCallDelta(start));
            String arguments = call.argumentsJson();
            int middle = arguments.length() / 2;
            for (String part : List.of(arguments.substring(0, middle), arguments.substring(middle))) {
                ObjectNode more = JSON.createObjectNode().put("index", index);
                more.putObject("function").put("arguments", part);
                pieces.add(toolCallDelta(more));
            }
        }
        return pieces;
    }

    @Override
    public String finishAfterToolCalls() {
        return finish("tool_calls");
    }

    private static String toolCallDelta(ObjectNode toolCall) {
        return "data: " + chunk(null, delta -> delta.putArray("tool_calls").add(toolCall)) + "\n\n";
    }

    @Override
    public String finish() {
        return finish("stop");
    }

    @Override
    public String finishAtMaxTokens() {
        return finish("length");
    }

    private static String finish(String reason) {
        ObjectNode chunk = chunk(reason, delta -> { });
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
        return "data: " + chunk(null, delta -> delta.put(field, piece)) + "\n\n";
    }

    /** A chunk with one choice: {@code finishReason} (null while streaming) and a delta {@code fill} writes. */
    private static ObjectNode chunk(String finishReason, Consumer<ObjectNode> fill) {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L).put("model", "scripted");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", finishReason);
        fill.accept(choice.putObject("delta"));
        return chunk;
    }
}
