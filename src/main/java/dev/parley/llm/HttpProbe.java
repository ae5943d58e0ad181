package dev.parley.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.parley.Throwables;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One short HTTP exchange for diagnostics. The whole exchange, body included, is bounded by the
 * timeout (a request timeout alone stops at the response headers), and the body by 2 MB: an endless
 * one counts as an answer that is not JSON, not as silence. Failure reasons never contain
 * the URL or headers, so no key can leak through them.
 */
final class HttpProbe {

    /** What came back: an HTTP answer (body parsed as JSON, else a missing node), or none. */
    sealed interface Outcome {}

    record Answered(int status, JsonNode json) implements Outcome {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    record Unanswered(String reason) implements Outcome {}

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Model lists are a few kilobytes; a body longer than this is not an API's answer. */
    private static final int MAX_BODY_BYTES = 2_000_000;

    private final Duration timeout;

    HttpProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Shared: a client of its own per probe (health, vision, API detection) kept one idle selector
     * thread each. The request's timeout bounds connecting too, so all probes, whatever their
     * timeout, share the one client without a connect timeout: one selector thread between them.
     * Looked up at the first exchange, not when the probe is made: a JDK client loads the TLS trust
     * store (~0.3 s of CPU), work the window's start does not need.
     */
    private HttpClient client() {
        return SharedHttpClients.withConnectTimeout(null);
    }

    Outcome get(String url, Map<String, String> headers) {
        try {
            return send(request(url, headers).GET().build());
        } catch (IllegalArgumentException badUrl) {
            return new Unanswered("not a valid URL");
        }
    }

    Outcome postJson(String url, String json) {
        try {
            return send(request(url, Map.of("Content-Type", "application/json"))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        } catch (IllegalArgumentException badUrl) {
            return new Unanswered("not a valid URL");
        }
    }

    private HttpRequest.Builder request(String url, Map<String, String> headers) {
        // HTTP/1.1: some local servers mishandle the h2c upgrade a plain-http request would offer.
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .version(HttpClient.Version.HTTP_1_1).header("Accept", "application/json");
        headers.forEach(builder::header);
        return builder;
    }

    private Outcome send(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> pending = client().sendAsync(request, BoundedBody.handler(MAX_BODY_BYTES));
        try {
            HttpResponse<String> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answered(response.statusCode(), parse(response.body()));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new Unanswered(noAnswer());
        } catch (ExecutionException e) {
            return new Unanswered(reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            return new Unanswered("interrupted");
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) { // null: longer than MAX_BODY_BYTES
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    private String reason(Throwable error) {
        for (Throwable cause : Throwables.causes(error)) {
            if (cause instanceof HttpTimeoutException) {
                return noAnswer();
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        return error.getClass().getSimpleName();
    }

    private String noAnswer() {
        long millis = timeout.toMillis();
        return "no answer within " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms");
    }
}
