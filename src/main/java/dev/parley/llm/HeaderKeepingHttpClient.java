package dev.parley.llm;

import static dev.langchain4j.http.client.sse.ServerSentEventListenerUtils.ignoringExceptions;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * LangChain4j's JDK HTTP client for streaming, except that an error response keeps its
 * {@code Retry-After} header ({@link RetryAfterHttpException}); LangChain4j's own client keeps only
 * the status and body. Three more differences guard against hostile servers: error bodies are read up
 * to 64 KB, stream lines up to 1 MB ({@link LineLimitedInputStream}), and a redirect is reported, not
 * followed ({@link RedirectHttpException}). An event the provider's client cannot handle fails the reply
 * ({@link FailingEventListener}) where LangChain4j would log it and go on without it; events may be
 * rewritten first for a server the client would misread ({@link Builder#editingEvents}). Everything else
 * behaves as LangChain4j's JdkHttpClient does (the same timeouts, the same SSE/NDJSON parsing); blocking
 * calls go to it unchanged.
 */
final class HeaderKeepingHttpClient implements HttpClient {

    /** Provider error bodies are JSON of a few hundred bytes. */
    private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final java.net.http.HttpClient http;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    /** A fresh editor for each reply stream's events. */
    private final Supplier<UnaryOperator<ServerSentEvent>> eventEdits;
    private HttpClient blocking;

    private HeaderKeepingHttpClient(Duration connectTimeout, Duration readTimeout,
            Supplier<UnaryOperator<ServerSentEvent>> eventEdits) {
        // Each request's timeout (readTimeout, until the response headers) bounds connecting too, so a
        // connect timeout no shorter than it adds nothing: such clients share the client without one
        // (LangChain4j gives both the provider's one timeout), a selector thread fewer per timeout.
        boolean connectBoundedByRequest = readTimeout != null
                && (connectTimeout == null || connectTimeout.compareTo(readTimeout) >= 0);
        this.http = SharedHttpClients.withConnectTimeout(connectBoundedByRequest ? null : connectTimeout);
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.eventEdits = eventEdits;
    }

    /**
     * LangChain4j's own client, made on first use: it owns a JDK client and so an idle selector
     * thread, and streaming chat, nearly all Parley does, never needs it.
     */
    private synchronized HttpClient blocking() {
        if (blocking == null) {
            blocking = HttpClientBuilderLoader.loadHttpClientBuilder()
                    .connectTimeout(connectTimeout).readTimeout(readTimeout).build();
        }
        return blocking;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        return blocking().execute(request);
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener client) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            blocking().execute(request, parser, client); // Uploads are not ours to stream.
            return;
        }
        ServerSentEventListener listener = new FailingEventListener(client, eventEdits.get());
        InFlightRequest inFlight = InFlightRequest.current();
        CompletableFuture<HttpResponse<InputStream>> exchange =
                http.sendAsync(toJdkRequest(request), HttpResponse.BodyHandlers.ofInputStream());
        inFlight.exchange(exchange);
        exchange.thenAccept(response -> {
                    if (response.statusCode() >= 300 && response.statusCode() < 400) {
                        closeQuietly(response);
                        var redirect = new RedirectHttpException(response.statusCode(),
                                response.headers().firstValue("Location").orElse("(no Location header)"));
                        ignoringExceptions(() -> listener.onError(redirect));
                        return;
                    }
                    if (response.statusCode() < 200 || response.statusCode() >= 300) {
                        var error = new RetryAfterHttpException(response.statusCode(), readBody(response),
                                response.headers().firstValue("Retry-After").map(HeaderKeepingHttpClient::parseRetryAfter)
                                        .orElse(null));
                        ignoringExceptions(() -> listener.onError(error));
                        return;
                    }
                    SuccessfulHttpResponse success = SuccessfulHttpResponse.builder()
                            .statusCode(response.statusCode()).headers(response.headers().map()).build();
                    ignoringExceptions(() -> listener.onOpen(success));
                    inFlight.body(response.body());
                    try (InputStream body = new LineLimitedInputStream(response.body())) {
                        parser.parse(body, listener);
                        ignoringExceptions(listener::onClose);
                        // LangChain4j completes a reply on the protocol's final event; a body that ends
                        // before it leaves the Ollama and Anthropic clients waiting for ever. This error
                        // ends those; a reply that did complete ignores it.
                        ignoringExceptions(() -> listener.onError(new StreamEndedEarlyException()));
                    } catch (IOException e) {
                        ignoringExceptions(() -> listener.onError(e));
                    }
                })
                .exceptionally(failure -> {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    Throwable reported = cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause;
                    ignoringExceptions(() -> listener.onError(reported));
                    return null;
                });
    }

    private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
        var builder = java.net.http.HttpRequest.newBuilder().uri(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.method(request.method().name(), request.body() != null
                ? java.net.http.HttpRequest.BodyPublishers.ofString(request.body())
                : java.net.http.HttpRequest.BodyPublishers.noBody());
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        return builder.build();
    }

    /**
     * The start of an error body: enough for any provider's error JSON, and bounded, because a server may
     * send an error body without end. Closing the body early drops the rest of the response.
     */
    private static String readBody(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            byte[] start = body.readNBytes(MAX_ERROR_BODY_BYTES + 1);
            return start.length > MAX_ERROR_BODY_BYTES
                    ? new String(start, 0, MAX_ERROR_BODY_BYTES, StandardCharsets.UTF_8) + "... (cut)"
                    : new String(start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "Cannot read error response body: " + e.getMessage();
        }
    }

    private static void closeQuietly(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing of it is used
        }
    }

    /** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when neither. */
    static Duration parseRetryAfter(String value) {
        String text = value.strip();
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    static final class Builder implements HttpClientBuilder {

        private Duration connectTimeout;
        private Duration readTimeout;
        private Supplier<UnaryOperator<ServerSentEvent>> eventEdits = UnaryOperator::identity;

        /** Each reply stream's events pass through a new editor from {@code edits} before the client reads them. */
        Builder editingEvents(Supplier<UnaryOperator<ServerSentEvent>> edits) {
            this.eventEdits = edits;
            return this;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new HeaderKeepingHttpClient(connectTimeout, readTimeout, eventEdits);
        }
    }
}
