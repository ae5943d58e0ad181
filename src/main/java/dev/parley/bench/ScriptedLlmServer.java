package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A local LLM endpoint on 127.0.0.1 that speaks a provider's real streaming wire protocol, so the
 * real LangChain4j clients run over real HTTP: the benchmark's model with a known speed, and the
 * tests' model with a known answer. Each request gets the next scripted reply (the last one
 * repeats) after {@code firstTokenDelayMs}; every request body is recorded.
 */
public final class ScriptedLlmServer implements AutoCloseable {

    public enum Protocol { OPENAI, OLLAMA }

    /**
     * What one request gets: after {@code firstDelayMs}, the reasoning pieces, then the answer
     * pieces, each piece after {@code delayMs}.
     */
    public record Reply(List<String> reasoning, List<String> answer, long firstDelayMs, long delayMs) {
        public static Reply of(String... pieces) {
            return new Reply(List.of(), List.of(pieces), 0, 0);
        }

        public Reply thinkingFirst(String... pieces) {
            return new Reply(List.of(pieces), answer, firstDelayMs, delayMs);
        }

        /** Waits this long between pieces (a token rate). */
        public Reply delayedBy(long millis) {
            return new Reply(reasoning, answer, firstDelayMs, millis);
        }

        /** Waits this long before the first piece (a time to first token). */
        public Reply firstAfter(long millis) {
            return new Reply(reasoning, answer, millis, delayMs);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Protocol protocol;
    private final HttpServer server;
    private final List<Reply> script;
    private final ConcurrentLinkedQueue<JsonNode> requests = new ConcurrentLinkedQueue<>();
    private int served;

    public ScriptedLlmServer(Protocol protocol, Reply... script) throws IOException {
        this.protocol = protocol;
        this.script = List.of(script);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(protocol == Protocol.OPENAI ? "/v1/chat/completions" : "/api/chat", this::handle);
        server.start();
    }

    /** The base URL a provider config points at (OpenAI clients add /chat/completions to it). */
    public String baseUrl() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return protocol == Protocol.OPENAI ? root + "/v1" : root;
    }

    public List<JsonNode> requests() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(JSON.readTree(exchange.getRequestBody()));
        Reply reply;
        synchronized (this) {
            reply = script.get(Math.min(served++, script.size() - 1));
        }
        exchange.getResponseHeaders().add("Content-Type",
                protocol == Protocol.OPENAI ? "text/event-stream" : "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            pause(reply.firstDelayMs());
            for (String piece : reply.reasoning()) {
                send(body, reply.delayMs(), protocol == Protocol.OPENAI ? openAiDelta("reasoning_content", piece)
                        : ollamaMessage("thinking", piece, false));
            }
            for (String piece : reply.answer()) {
                send(body, reply.delayMs(), protocol == Protocol.OPENAI ? openAiDelta("content", piece)
                        : ollamaMessage("content", piece, false));
            }
            if (protocol == Protocol.OPENAI) {
                send(body, 0, "data: " + openAiFinish() + "\n\n");
                send(body, 0, "data: [DONE]\n\n");
            } else {
                send(body, 0, ollamaMessage("content", "", true));
            }
        }
    }

    private static void send(OutputStream body, long delayMs, String text) throws IOException {
        pause(delayMs);
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    private static void pause(long millis) throws IOException {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private static String openAiDelta(String field, String piece) {
        ObjectNode chunk = openAiChunk();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0).putNull("finish_reason");
        choice.putObject("delta").put(field, piece);
        return "data: " + chunk + "\n\n";
    }

    private static String openAiFinish() {
        ObjectNode chunk = openAiChunk();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("delta");
        chunk.putObject("usage").put("prompt_tokens", 12).put("completion_tokens", 7).put("total_tokens", 19);
        return chunk.toString();
    }

    private static ObjectNode openAiChunk() {
        return JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L).put("model", "scripted");
    }

    private static String ollamaMessage(String field, String piece, boolean done) {
        ObjectNode line = JSON.createObjectNode().put("model", "scripted").put("created_at", "2026-11-22T00:00:00Z");
        ObjectNode message = line.putObject("message").put("role", "assistant").put("content", "");
        message.put(field, piece);
        line.put("done", done);
        if (done) {
            line.put("done_reason", "stop").put("prompt_eval_count", 12).put("eval_count", 7);
        }
        return line + "\n";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
