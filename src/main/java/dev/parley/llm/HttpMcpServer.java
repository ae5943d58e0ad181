package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.mcp.client.McpCallContext;
import dev.langchain4j.mcp.client.transport.McpOperationHandler;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.protocol.McpClientMessage;
import dev.langchain4j.mcp.protocol.McpInitializationNotification;
import dev.langchain4j.mcp.protocol.McpInitializeRequest;
import dev.langchain4j.mcp.protocol.McpJsonRpcMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An MCP server reached over streamable HTTP: each message POSTed, the answer a JSON body or a stream
 * of server-sent events. It replaces LangChain4j's {@code StreamableHttpMcpTransport}, which reads a
 * body or an event line whole into memory whatever its size and builds its own HTTP client, so nothing
 * can be wrapped around it: a server answering with a body without end filled memory. Here a body and
 * an event are capped at {@link McpMessageLimit}, and reading an answer stops after {@code timeout}.
 * Not supported, as Parley never asked for them: the server-initiated GET stream, custom headers.
 */
final class HttpMcpServer implements McpTransport {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ends the reading of answers that outlive their timeout; one daemon thread for every server. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mcp-http-deadlines").daemon().factory());

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicReference<String> session = new AtomicReference<>();
    private volatile McpOperationHandler handler;
    private volatile McpInitializeRequest initializeRequest;
    /** The threads whose requests are under way, interrupted at {@link #close}. */
    private final Set<Thread> exchanges = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** {@code timeout} bounds connecting and reading one answer (the client's wait for it is its own). */
    HttpMcpServer(String url, Duration timeout) {
        this.url = URI.create(url);
        this.timeout = timeout;
        this.http = SharedHttpClients.withConnectTimeout(timeout);
    }

    @Override
    public void start(McpOperationHandler handler) {
        this.handler = handler;
    }

    @Override
    public CompletableFuture<JsonNode> initialize(McpInitializeRequest request) {
        initializeRequest = request;
        session.set(null);
        return send(request, false, true)
                .thenCompose(answer -> send(new McpInitializationNotification(), false, false).thenApply(none -> answer));
    }

    @Override
    public CompletableFuture<JsonNode> executeOperationWithResponse(McpClientMessage message) {
        return send(message, false, true);
    }

    @Override
    public CompletableFuture<JsonNode> executeOperationWithResponse(McpCallContext context) {
        return send(context.message(), false, true);
    }

    @Override
    public void executeOperationWithoutResponse(McpClientMessage message) {
        send(message, false, false);
    }

    @Override
    public void executeOperationWithoutResponse(McpCallContext context) {
        send(context.message(), false, false);
    }

    /**
     * POSTs {@code message} on a virtual thread of its own; a blocking read is simple and costs no
     * platform thread. Without {@code answerAwaited} (a notification, or the client's reply to the
     * server's own ping or roots/list, which carries the server's id) nothing is registered under its
     * id, where it would take the place of one of Parley's requests, and a 2xx completes it.
     */
    private CompletableFuture<JsonNode> send(McpJsonRpcMessage message, boolean resent, boolean answerAwaited) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        if (answerAwaited) {
            handler.startOperation(message.getId(), future);
        }
        Thread exchanging = Thread.ofVirtual().name("mcp-http").unstarted(() -> {
            try {
                exchange(message, future, resent, answerAwaited);
            } catch (IOException | InterruptedException | RuntimeException e) {
                future.completeExceptionally(closed ? closedFailure() : failureOf(e));
            } finally {
                exchanges.remove(Thread.currentThread());
            }
        });
        exchanges.add(exchanging); // before the check: close() interrupts it, or it sees closed
        if (closed) {
            exchanges.remove(exchanging);
            future.completeExceptionally(closedFailure());
        } else {
            exchanging.start();
        }
        return future;
    }

    /** Why a request failed, in the user's words; an {@link McpServerFailure} already is. */
    private Exception failureOf(Exception e) {
        if (e instanceof HttpTimeoutException) {
            return new McpServerFailure("it did not answer at " + url + " within " + timeout.toSeconds()
                    + " s; check that the server runs and the URL is right");
        }
        if (e instanceof IOException io) {
            return new McpServerFailure(McpMessageLimit.TOO_LONG.equals(io.getMessage()) ? McpMessageLimit.TOO_LONG
                    : "cannot reach " + url + ": " + describe(io));
        }
        return e; // interrupted, or a failure of the exchange itself (McpServerFailure among them)
    }

    private static McpServerFailure closedFailure() {
        return new McpServerFailure(McpServerFailure.CLOSED);
    }

    private void exchange(McpJsonRpcMessage message, CompletableFuture<JsonNode> future, boolean resent,
            boolean answerAwaited) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message)));
        String sessionId = session.get();
        if (sessionId != null && !(message instanceof McpInitializeRequest)) {
            request.header("Mcp-Session-Id", sessionId);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        // The request's timeout ends at the headers: a server going quiet in its body would hold this thread
        // and the connection for good. Closing the body wakes the read; the close runs on a virtual thread
        // of its own, so that no close can hold up the one thread that times every server's answers (nor
        // the common pool, one worker on two cores and shared by all), and only if the answer is still
        // being read.
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> Thread.ofVirtual().name("mcp-http-deadline")
                .start(() -> closeQuietly(response.body())), timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 404 && sessionId != null && !resent && initializeRequest != null
                    && !(message instanceof McpInitializeRequest)) {
                // The server forgot the session (it restarted, say): as the protocol asks, start another
                // and send the message once more.
                initialize(initializeRequest).thenCompose(ignored -> send(message, true, answerAwaited))
                        .whenComplete((answer, error) -> {
                            if (error != null) {
                                future.completeExceptionally(error);
                            } else {
                                future.complete(answer);
                            }
                        });
                return;
            }
            if (status < 200 || status >= 300) {
                throw new McpServerFailure("it answered HTTP " + status + " at " + url);
            }
            response.headers().firstValue("Mcp-Session-Id").ifPresent(session::set);
            if (!answerAwaited) {
                future.complete(null); // the answer is 202 Accepted, nothing to read
                return;
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("text/event-stream")) {
                readEvents(body, future);
            } else {
                byte[] bytes = body.readNBytes(McpMessageLimit.MAX_BYTES + 1);
                if (bytes.length > McpMessageLimit.MAX_BYTES) {
                    throw new McpServerFailure(McpMessageLimit.TOO_LONG);
                }
                handle(new String(bytes, StandardCharsets.UTF_8));
            }
            if (!future.isDone()) {
                throw new McpServerFailure("its answer at " + url + " held no response to the request");
            }
        } finally {
            deadline.cancel(false);
        }
    }

    /** Server-sent events until the one answering the request (others may come first: progress, logs). */
    private void readEvents(InputStream body, CompletableFuture<JsonNode> future) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        BufferedReader lines = new BufferedReader(new InputStreamReader(McpMessageLimit.lines(body),
                StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String line;
        while (!future.isDone() && (line = lines.readLine()) != null) {
            if (System.nanoTime() > deadline) {
                throw new McpServerFailure("its answer at " + url + " did not come within " + timeout.toSeconds() + " s");
            }
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    handle(data.toString());
                    data.setLength(0);
                }
            } else if (line.startsWith("data:")) {
                if (data.length() + line.length() > McpMessageLimit.MAX_BYTES) {
                    throw new McpServerFailure(McpMessageLimit.TOO_LONG); // one event spread over many lines
                }
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line, line.startsWith("data: ") ? 6 : 5, line.length());
            }
        }
        if (!data.isEmpty() && !future.isDone()) {
            handle(data.toString());
        }
    }

    private void handle(String json) {
        JsonNode message;
        try {
            message = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new McpServerFailure("its answer at " + url + " is not JSON: " + PrintableText.of(json, 80));
        }
        if (message != null && message.isObject()) {
            handler.handle(message);
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // closed already, or the connection is gone: either way nothing is read any more
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void checkHealth() {
        // A remote server's health shows in its answers; there is no process to look at.
    }

    @Override
    public void onFailure(Runnable actionOnFailure) {
        // Each message is a request of its own: nothing stays open that could fail between them.
    }

    /** Ends the requests under way (the HTTP client is shared, so they are interrupted one by one). */
    @Override
    public void close() {
        closed = true;
        exchanges.forEach(Thread::interrupt);
    }
}
