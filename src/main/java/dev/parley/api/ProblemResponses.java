package dev.parley.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Writes RFC 9457 problem JSON: what went wrong, for a person; never a stack trace or a secret. */
final class ProblemResponses {

    static final String CONTENT_TYPE = "application/problem+json";

    private ProblemResponses() {}

    static void send(ServerRequest request, ServerResponse response, ApiProblem problem) {
        if (problem.closesConnection()) {
            response.header(HeaderNames.CONNECTION, "close");
        }
        if (problem.code() == ApiProblem.Code.BUSY) {
            response.header(HeaderNames.RETRY_AFTER, "1"); // turns and uploads take seconds, not minutes
        }
        send(request, response, problem.status(), problem.title(), problem.detail(), problem.code());
    }

    static void send(ServerRequest request, ServerResponse response, int status, String title, String detail) {
        send(request, response, status, title, detail, null);
    }

    /** A HEAD request gets the status and headers alone: a body after them would break the connection's framing. */
    private static void send(ServerRequest request, ServerResponse response, int status, String title, String detail,
            ApiProblem.Code code) {
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
        if (Method.HEAD.equals(request.prologue().method())) {
            response.send();
        } else {
            response.send(body(status, title, detail, code));
        }
    }

    /**
     * Helidon's own refusals, made before any route or filter runs (a request line or header it cannot
     * read, a declared body over the server's limit, an HTTP version it does not speak), as problem JSON
     * too: they came with an empty body. Helidon's message is left out, since it may quote the request.
     */
    static DirectHandlers direct() {
        DirectHandler handler = (request, event, status, headers, message) -> {
            // By status: Helidon reports a body over its limit as a bad request of status 413.
            String detail = switch (status.code()) {
                case 413 -> "The body is larger than this API takes: JSON 1 MB, an ask 20 MB, audio 25 MB.";
                case 414 -> "The URL is too long.";
                case 431 -> "The request's headers are too large.";
                case 505 -> "Send HTTP/1.1.";
                case 403 -> "Refused.";
                case 400 -> "The request is not HTTP this server can read: check its first line, its headers and"
                        + " the URL's encoding.";
                default -> "The server could not handle the request.";
            };
            return DirectHandler.TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                    .entity(body(status.code(), status.reasonPhrase(), detail, null))
                    .build();
        };
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType event : DirectHandler.EventType.values()) {
            handlers.addHandler(event, handler);
        }
        return handlers.build();
    }

    private static String body(int status, String title, String detail, ApiProblem.Code code) {
        return ApiJson.write(json(status, title, detail, code));
    }

    /** The problem JSON of a response, and of a stream's {@code error} event ({@link ReplyStream}). */
    static ObjectNode json(int status, String title, String detail, ApiProblem.Code code) {
        ObjectNode body = ApiJson.object()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (code != null) { // an extension member (RFC 9457 section 3.2) for programs
            body.put("code", code.toString());
        }
        return body;
    }
}
