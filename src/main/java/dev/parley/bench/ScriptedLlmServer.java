package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A local LLM endpoint on 127.0.0.1 that speaks a provider's real streaming wire protocol, so the
 * real LangChain4j clients run over real HTTP: the benchmark's model with a known speed, and the
 * tests' model with a known answer or a known failure. Each request gets the next scripted reply
 * (the last one repeats); every request body is recorded. Speaking Ollama, it also answers
 * {@code /api/show} with the model's capabilities ({@link #capabilities}: completion only, unless set).
 */
public final class ScriptedLlmServer implements AutoCloseable {

    public enum Protocol {
        OPENAI("/v1/chat/completions", "/v1", OpenAiWire::new),
        OLLAMA("/api/chat", "", OllamaWire::new),
        ANTHROPIC("/v1/messages", "/v1", AnthropicWire::new),
        /** Gemini puts the model into the path: /v1beta/models/{model}:streamGenerateContent?alt=sse. */
        GEMINI("/v1beta/models/", "/v1beta", GeminiWire::new);

        private final String path;
        private final String basePath;
        private final Supplier<WireFormat> wire;

        Protocol(String path, String basePath, Supplier<WireFormat> wire) {
            this.path = path;
            this.basePath = basePath;
            this.wire = wire;
        }
    }

    /** How a scripted reply goes wrong. */
    public sealed interface Failure {

        /** An HTTP error status with a body in the provider's error format, and a Retry-After header when positive. */
        record HttpError(int status, String message, long retryAfterSeconds) implements Failure {}

        /** The connection drops after this many answer pieces, without the stream's proper end. */
        record CutAfter(int pieces) implements Failure {}

        /** The answer piece at this index is replaced by a line the client cannot parse. */
        record MalformedAt(int piece) implements Failure {}

        /** Nothing at all (not even the status line) for this long. */
        record Hang(long millis) implements Failure {}

        /** After this many answer pieces, silence for this long before the rest. */
        record StallAfter(int pieces, long millis) implements Failure {}

        /** The stream ends properly, but saying the reply stopped at the token limit (finish reason length). */
        record StoppedAtMaxTokens() implements Failure {}

        /** The answer pieces again and again, never ending, until the client goes away. */
        record Endless() implements Failure {}

        /** The answer pieces, then a clean end of the body without the protocol's end-of-reply event. */
        record NoFinish() implements Failure {}
    }

    /** A tool call the scripted model makes: the id the provider gives it, the tool and its JSON arguments. */
    public record ToolCall(String id, String name, String argumentsJson) {}

    /**
     * What one request gets: after {@code firstDelayMs}, the reasoning pieces, then the answer
     * pieces, each piece after {@code delayMs}, then the tool calls (if any); or the scripted failure.
     */
    public record Reply(List<String> reasoning, List<String> answer, long firstDelayMs, long delayMs, Failure failure,
            List<ToolCall> toolCalls) {

        public Reply(List<String> reasoning, List<String> answer, long firstDelayMs, long delayMs, Failure failure) {
            this(reasoning, answer, firstDelayMs, delayMs, failure, List.of());
        }

        public static Reply of(String... pieces) {
            return new Reply(List.of(), List.of(pieces), 0, 0, null);
        }

        /** The model asks for these tools (after any answer pieces) and ends its turn to get their results. */
        public static Reply toolCalls(ToolCall... calls) {
            return new Reply(List.of(), List.of(), 0, 0, null, List.of(calls));
        }

        /** One tool call with a made-up id. */
        public static Reply toolCall(String name, String argumentsJson) {
            return toolCalls(new ToolCall("call_" + name + "_1", name, argumentsJson));
        }

        /** An HTTP error: 401, 404, 500, 503, ... with the provider's error body. */
        public static Reply error(int status, String message) {
            return new Reply(List.of(), List.of(), 0, 0, new Failure.HttpError(status, message, 0));
        }

        /** A 429 whose Retry-After header (and body, where the provider states it there) asks to wait. */
        public static Reply rateLimited(long retryAfterSeconds) {
            return new Reply(List.of(), List.of(), 0, 0,
                    new Failure.HttpError(429, "Rate limit reached for requests.", retryAfterSeconds));
        }

        /** Says nothing for this long, longer than a client's timeout. */
        public static Reply hang(long millis) {
            return new Reply(List.of(), List.of(), 0, 0, new Failure.Hang(millis));
        }

        public Reply thinkingFirst(String... pieces) {
            return new Reply(List.of(pieces), answer, firstDelayMs, delayMs, failure);
        }

        /** Waits this long between pieces (a token rate). */
        public Reply delayedBy(long millis) {
            return new Reply(reasoning, answer, firstDelayMs, millis, failure);
        }

        /** Waits this long before the first piece (a time to first token). */
        public Reply firstAfter(long millis) {
            return new Reply(reasoning, answer, millis, delayMs, failure);
        }

        /** Drops the connection after {@code pieces} answer pieces. */
        public Reply cutAfter(int pieces) {
            return new Reply(reasoning, answer, firstDelayMs, delayMs, new Failure.CutAfter(pieces));
        }

        /** Goes quiet for {@code millis} after {@code pieces} answer pieces. */
        public Reply stallAfter(int pieces, long millis) {
            return new Reply(reasoning, answer, firstDelayMs, delayMs, new Failure.StallAfter(pieces, millis));
        }

        /** Ends the reply as one that reached max-tokens, in the protocol's own words. */
        public Reply stoppedAtMaxTokens() {
            return new Reply(reasoning, answer, firstDelayMs, delayMs, new Failure.StoppedAtMaxTokens());
        }

        /** Repeats the answer pieces for ever: a stream that never ends unless the client stops reading. */
        public Reply endless() {
            return new Reply(reasoning, answer, firstDelayMs, delayMs, new Failure.Endless());
        }

        /** Ends the body cleanly after the answer pieces but leaves out the protocol's final event. */
        public Reply withoutFinish() {
            return new Reply(reasoning, answer, firstDelayMs, delayMs, new Failure.NoFinish());
        }

        /** Sends garbage in place of the answer piece at {@code index}. */
        public Reply malformedAt(int index) {
            return new Reply(reasoning, answer, firstDelayMs, delayMs, new Failure.MalformedAt(index));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Protocol protocol;
    private final HttpServer server;
    private final List<Reply> script;
    private final ConcurrentLinkedQueue<JsonNode> requests = new ConcurrentLinkedQueue<>();
    /** Endless streams being sent; guarded by itself. */
    private final int[] endlessStreams = {0};
    private int served;
    private volatile List<String> capabilities = List.of("completion");

    public ScriptedLlmServer(Protocol protocol, Reply... script) throws IOException {
        this.protocol = protocol;
        this.script = List.of(script);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(protocol.path, this::handle);
        server.createContext(modelListPath(), this::listModels);
        if (protocol == Protocol.OLLAMA) {
            server.createContext("/api/show", this::showModel);
        }
        server.start();
    }

    /** What Ollama's {@code /api/show} lists for the model from now on, e.g. "completion", "vision". */
    public ScriptedLlmServer capabilities(String... names) {
        capabilities = List.of(names);
        return this;
    }

    /** The base URL a provider config points at; each client appends its own path. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + protocol.basePath;
    }

    public List<JsonNode> requests() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
    }

    /** The model name this server lists, as a real endpoint lists what it serves. */
    public static final String MODEL = "scripted";

    private String modelListPath() {
        return switch (protocol) {
            case OLLAMA -> "/api/tags";
            case OPENAI, ANTHROPIC -> "/v1/models";
            case GEMINI -> "/v1beta/models";
        };
    }

    /** Answers the model-list request health checks make, in the protocol's own shape. */
    private void listModels(HttpExchange exchange) throws IOException {
        var list = JSON.createObjectNode();
        switch (protocol) {
            case OLLAMA -> list.putArray("models").addObject().put("name", MODEL + ":latest").put("model", MODEL + ":latest");
            case OPENAI -> list.put("object", "list").putArray("data").addObject().put("id", MODEL).put("object", "model");
            case ANTHROPIC -> list.putArray("data").addObject().put("id", MODEL).put("type", "model");
            case GEMINI -> list.putArray("models").addObject().put("name", "models/" + MODEL);
        }
        byte[] body = list.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void showModel(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        var show = JSON.createObjectNode();
        capabilities.forEach(show.putArray("capabilities")::add);
        byte[] body = show.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        // Read the body to its end: closing a connection with unread request bytes makes the kernel
        // reset it, and a reset can discard the reply pieces the client has not read yet.
        requests.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
        Reply reply;
        synchronized (this) {
            reply = script.get(Math.min(served++, script.size() - 1));
        }
        WireFormat wire = protocol.wire.get();
        switch (reply.failure()) {
            case Failure.HttpError error -> sendError(exchange, wire, error);
            case Failure.Hang hang -> {
                pause(hang.millis());
                exchange.close();
            }
            case Failure.Endless endless -> streamForever(exchange, wire, reply);
            case null, default -> stream(exchange, wire, reply);
        }
    }

    /** Streams the answer pieces round and round; returns once the client has closed the connection. */
    private void streamForever(HttpExchange exchange, WireFormat wire, Reply reply) throws IOException {
        synchronized (endlessStreams) {
            endlessStreams[0]++;
        }
        try {
            exchange.getResponseHeaders().add("Content-Type", wire.contentType());
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(wire.open().getBytes(StandardCharsets.UTF_8));
            while (true) {
                for (String piece : reply.reasoning()) {
                    send(body, reply.delayMs(), wire.reasoning(piece));
                }
                for (String piece : reply.answer()) {
                    send(body, reply.delayMs(), wire.answer(piece));
                }
            }
        } catch (IOException clientWentAway) {
            exchange.close();
        } finally {
            synchronized (endlessStreams) {
                endlessStreams[0]--;
                endlessStreams.notifyAll();
            }
        }
    }

    /**
     * Waits until no endless stream is being sent any more: every client has stopped reading one.
     * Returns false if one is still going after {@code timeout}.
     */
    public boolean awaitEndlessStreamsStopped(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (endlessStreams) {
            while (endlessStreams[0] > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(endlessStreams, left);
            }
            return true;
        }
    }

    private static void sendError(HttpExchange exchange, WireFormat wire, Failure.HttpError error) throws IOException {
        byte[] body = wire.errorBody(error.status(), error.message(), error.retryAfterSeconds())
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (error.retryAfterSeconds() > 0) {
            exchange.getResponseHeaders().add("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        exchange.sendResponseHeaders(error.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void stream(HttpExchange exchange, WireFormat wire, Reply reply) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", wire.contentType());
        exchange.sendResponseHeaders(200, 0);
        // Not try-with-resources: a cut stream must not get the chunked body's proper end.
        OutputStream body = exchange.getResponseBody();
        pause(reply.firstDelayMs());
        // Not flushed on its own: a third small write in a row waits for the client's delayed ACK
        // (Nagle; the JDK server does not set TCP_NODELAY), which added ~40 ms to the first token.
        body.write(wire.open().getBytes(StandardCharsets.UTF_8));
        for (String piece : reply.reasoning()) {
            send(body, reply.delayMs(), wire.reasoning(piece));
        }
        for (int index = 0; index < reply.answer().size(); index++) {
            if (reply.failure() instanceof Failure.CutAfter cut && index == cut.pieces()) {
                // The server drops the connection abortively, and a reset can make the client's
                // kernel discard pieces it has received but not yet read: give the client time to
                // read them, so the cut falls after them as scripted.
                pause(200);
                throw new StreamCut();
            }
            if (reply.failure() instanceof Failure.StallAfter stall && index == stall.pieces()) {
                pause(stall.millis());
            }
            boolean garbled = reply.failure() instanceof Failure.MalformedAt malformed && malformed.piece() == index;
            send(body, reply.delayMs(), garbled ? wire.malformed() : wire.answer(reply.answer().get(index)));
        }
        if (!reply.toolCalls().isEmpty()) {
            for (String piece : wire.toolCalls(reply.toolCalls())) {
                send(body, reply.delayMs(), piece);
            }
            send(body, 0, wire.finishAfterToolCalls());
            body.close();
            return;
        }
        if (!(reply.failure() instanceof Failure.NoFinish)) {
            send(body, 0, reply.failure() instanceof Failure.StoppedAtMaxTokens ? wire.finishAtMaxTokens() : wire.finish());
        }
        body.close();
    }

    /**
     * Thrown out of the handler to drop the connection: the JDK server then closes the socket
     * without writing the last chunk, which is what a client sees when a stream breaks off.
     */
    private static final class StreamCut extends RuntimeException {
        StreamCut() {
            super("scripted stream cut", null, false, false);
        }
    }

    private static void send(OutputStream body, long delayMs, String text) throws IOException {
        if (text.isEmpty()) {
            return;
        }
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

    @Override
    public void close() {
        server.stop(0);
    }
}
