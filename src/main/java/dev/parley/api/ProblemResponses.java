package dev.parley.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Writes RFC 9457 problem JSON: what went wrong, for a person; never a stack trace or a secret. */
final class ProblemResponses {

    static final String CONTENT_TYPE = "application/problem+json";

    private ProblemResponses() {}

    static void send(ServerResponse response, ApiProblem problem) {
        send(response, problem.status(), problem.title(), problem.detail());
    }

    static void send(ServerResponse response, int status, String title, String detail) {
        ObjectNode body = ApiJson.object()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
        response.send(ApiJson.write(body));
    }
}
