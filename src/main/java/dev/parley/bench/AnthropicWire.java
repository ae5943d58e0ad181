package dev.parley.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic {@code /v1/messages}: named SSE events. Reasoning is a {@code thinking} content block
 * and the answer a {@code text} block, each opened, filled with deltas and stopped; usage comes in
 * {@code message_start} and {@code message_delta}.
 */
final class AnthropicWire implements WireFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String openBlock;
    private int blockIndex = -1;

    @Override
    public String open() {
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message").put("id", "msg_test").put("type", "message")
                .put("role", "assistant").put("model", "scripted");
        message.putArray("content");
        message.putNull("stop_reason");
        message.putObject("usage").put("input_tokens", 12).put("output_tokens", 1);
        return event("message_start", start);
    }

    @Override
    public String reasoning(String piece) {
        return enterBlock("thinking") + delta("thinking_delta", "thinking", piece);
    }

    @Override
    public String answer(String piece) {
        return enterBlock("text") + delta("text_delta", "text", piece);
    }

    @Override
    public String finish() {
        return finish("end_turn");
    }

    @Override
    public String finishAtMaxTokens() {
        return finish("max_tokens");
    }

    private String finish(String stopReason) {
        ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", 7);
        return leaveBlock() + event("message_delta", messageDelta)
                + event("message_stop", JSON.createObjectNode().put("type", "message_stop"));
    }

    /** Each call is a {@code tool_use} block whose input streams as {@code input_json_delta}. */
    @Override
    public List<String> toolCalls(List<ScriptedLlmServer.ToolCall> calls) {
        List<String> pieces = new ArrayList<>();
        for (ScriptedLlmServer.ToolCall call : calls) {
            String stop = leaveBlock();
            blockIndex++;
            ObjectNode start = JSON.createObjectNode().put("type", "content_block_start").put("index", blockIndex);
            start.putObject("content_block").put("type", "tool_use").put("id", call.id()).put("name", call.name())
                    .putObject("input");
            ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", blockIndex);
            delta.putObject("delta").put("type", "input_json_delta").put("partial_json", call.argumentsJson());
            pieces.add(stop + event("content_block_start", start) + event("content_block_delta", delta)
                    + event("content_block_stop",
                            JSON.createObjectNode().put("type", "content_block_stop").put("index", blockIndex)));
        }
        return pieces;
    }

    @Override
    public String finishAfterToolCalls() {
        ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", "tool_use").putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", 7);
        return event("message_delta", messageDelta)
                + event("message_stop", JSON.createObjectNode().put("type", "message_stop"));
    }

    @Override
    public String malformed() {
        return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":\n\n";
    }

    @Override
    public String errorBody(int status, String message, long retryAfterSeconds) {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> "api_error";
        }).put("message", message);
        return body.toString();
    }

    private String enterBlock(String type) {
        if (type.equals(openBlock)) {
            return "";
        }
        String stop = leaveBlock();
        openBlock = type;
        blockIndex++;
        ObjectNode start = JSON.createObjectNode().put("type", "content_block_start").put("index", blockIndex);
        ObjectNode block = start.putObject("content_block").put("type", type);
        if (type.equals("thinking")) {
            block.put("thinking", "").put("signature", "");
        } else {
            block.put("text", "");
        }
        return stop + event("content_block_start", start);
    }

    private String leaveBlock() {
        if (openBlock == null) {
            return "";
        }
        openBlock = null;
        return event("content_block_stop",
                JSON.createObjectNode().put("type", "content_block_stop").put("index", blockIndex));
    }

    private String delta(String deltaType, String field, String piece) {
        ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", blockIndex);
        delta.putObject("delta").put("type", deltaType).put(field, piece);
        return event("content_block_delta", delta);
    }

    private static String event(String name, ObjectNode data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }
}
