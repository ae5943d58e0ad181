package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import java.util.function.UnaryOperator;

/**
 * Numbers the tool calls of an Ollama reply stream that come without {@code function.index}. Recent
 * Ollama servers write an index on every call, but older ones, and other servers speaking Ollama's
 * API, leave it out; LangChain4j's Ollama client keys calls by it, taking a missing one for 0, so
 * several calls became one (the last one's name, the arguments of all run together) and the model
 * heard back about one of them only. Each call Ollama sends is whole, so a call without an index is
 * the next one after those seen so far. One instance per reply stream.
 */
final class OllamaToolCallIndexes implements UnaryOperator<ServerSentEvent> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private int nextIndex;

    @Override
    public ServerSentEvent apply(ServerSentEvent event) {
        String data = event.data();
        if (data == null || !data.contains("\"tool_calls\"")) {
            return event; // nearly every line: answer text, read once only, by the client
        }
        JsonNode line;
        try {
            line = JSON.readTree(data);
        } catch (JsonProcessingException unreadable) {
            return event; // the client fails on it and says so
        }
        JsonNode calls = line == null ? null : line.path("message").path("tool_calls");
        if (calls == null || !calls.isArray()) {
            return event;
        }
        boolean numbered = false;
        for (JsonNode call : calls) {
            if (!(call.path("function") instanceof ObjectNode function)) {
                continue;
            }
            if (function.path("index").isInt()) {
                nextIndex = Math.max(nextIndex, function.path("index").asInt() + 1);
            } else {
                function.put("index", nextIndex++);
                numbered = true;
            }
        }
        return numbered ? new ServerSentEvent(event.event(), line.toString()) : event;
    }
}
