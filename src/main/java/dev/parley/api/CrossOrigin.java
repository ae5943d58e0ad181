package dev.parley.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Optional;
import java.util.Set;

/**
 * CORS for the web pages the user allowed ({@code api.allowed-origins}), and for them only: their
 * preflight is answered before the token check (browsers send none with it), and their answers
 * carry {@code Access-Control-Allow-Origin}, so their scripts may read them. Every other origin
 * gets no CORS header at all (the {@link RequestGuard} refuses it).
 */
final class CrossOrigin {

    private static final String METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    private static final String HEADERS = "Authorization, Content-Type, Accept";
    /** How long a browser may reuse a preflight's answer: ten minutes. */
    private static final String MAX_AGE = "600";

    private final Set<String> allowed;

    CrossOrigin(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** The request's origin when it is one the user allowed. */
    Optional<String> allowedOrigin(Headers headers) {
        return headers.first(HeaderNames.ORIGIN).filter(allowed::contains);
    }

    /** Answers an allowed origin's preflight (true), or leaves the request to the routes (false). */
    boolean answerPreflight(RoutingRequest request, RoutingResponse response) {
        Optional<String> origin = allowedOrigin(request.headers());
        if (request.prologue().method() != Method.OPTIONS || origin.isEmpty()) {
            return false;
        }
        allow(response, origin.get());
        response.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
        response.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, HEADERS);
        response.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
        response.status(Status.NO_CONTENT_204).send();
        return true;
    }

    /** Lets an allowed origin's script read this answer. */
    void allow(RoutingResponse response, String origin) {
        response.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.header(HeaderNames.VARY, "Origin");
    }
}
