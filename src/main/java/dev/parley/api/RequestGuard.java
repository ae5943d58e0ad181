package dev.parley.api;

import java.util.Locale;
import java.util.HashSet;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every request must show before a handler runs, in this order: a {@code Host} of this server
 * (a web page that rebinds its own DNS name to 127.0.0.1 sends its name, so it gets 403), no browser
 * {@code Origin} but an allow-listed one (403), the token (401), a JSON body of at most 1 MB, an ask
 * (which may carry base64 images) of at most 20 MB, and audio of at most 25 MB (413).
 * CORS headers go only to the origins the user allowed ({@link CrossOrigin}), so browsers keep every
 * other site's scripts from reading any answer.
 */
final class RequestGuard implements Filter {

    static final long MAX_JSON_BYTES = 1024 * 1024;
    /** {@code POST /ask} may carry images, base64 in its JSON: four large photos fit. */
    static final long MAX_ASK_BYTES = 20 * 1024 * 1024;
    /** The largest body the server reads at all (the audio limit of issue 12); JSON is checked against its own. */
    static final long MAX_BODY_BYTES = 25 * 1024 * 1024;
    private static final String BEARER = "Bearer ";

    private final ApiToken token;
    private final Set<String> allowedOrigins;
    private final CrossOrigin crossOrigin;
    private volatile Set<String> allowedHosts = Set.of();

    RequestGuard(ApiToken token, List<String> allowedOrigins) {
        this.token = token;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.crossOrigin = new CrossOrigin(this.allowedOrigins);
    }

    /** Set once the port is known (it may have been 0 = any free port). */
    void listeningOn(String host, int port) {
        Set<String> hosts = new HashSet<>(List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port));
        hosts.add(host.toLowerCase(Locale.ROOT) + ":" + port); // an explicit api.host
        allowedHosts = Set.copyOf(hosts);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        boolean ourHost = hostAllowed(request.headers());
        if (ourHost && crossOrigin.answerPreflight(request, response)) {
            return;
        }
        Optional<ApiProblem> refusal = refusal(request.headers(), queryToken(request.path().path(),
                request.query().first("token").orElse(null)));
        if (refusal.isEmpty()) {
            refusal = tooLarge(request.headers(), request.path().path());
        }
        if (refusal.isEmpty() && isStream(request.path().path())) {
            // Here, not only where the stream starts: a WebSocket refused at its upgrade gets Helidon's bare
            // 400, and this filter runs before the upgrade.
            refusal = EventStreams.badSince(request.query());
        }
        if (refusal.isEmpty() && request.path().rawPath().contains(";")) {
            // Helidon reads ";x" in a segment as a parameter and drops it: DELETE .../conversations/kitchen;x
            // deleted "kitchen". No route or conversation name of this API has one.
            refusal = Optional.of(ApiProblem.badRequest("A path of this API has no ';' (no conversation name has"
                    + " one)."));
        }
        if (refusal.isEmpty() && !request.path().rawPath().startsWith("/")) {
            // The absolute form (GET http://host/path) names a host of its own, unchecked by the Host check, and
            // Helidon routes it by its path alone; only proxies are sent it, and this API is none.
            refusal = Optional.of(ApiProblem.badRequest("Send the path alone in the request line (GET /api/v1/...),"
                    + " not a full URL."));
        }
        if (ourHost) {
            // A page that rebinds its DNS name to this machine sends an allowed Origin with its own Host:
            // its script must not even read why it was refused.
            crossOrigin.allowedOrigin(request.headers()).ifPresent(origin -> crossOrigin.allow(response, origin));
        }
        if (refusal.isPresent()) {
            ProblemResponses.send(request, response, refusal.get());
            finishBody(request);
            return;
        }
        chain.proceed(); // the routes' error handlers answer within it
        finishBody(request);
    }

    /**
     * Reads what is left of a body its route did not read (a refused request's, a GET's), within
     * {@link ReadDeadlines#SILENCE}, so the connection can take the next request; a client that does
     * not send it gets its connection closed. Helidon would read it with no deadline at all, and told
     * "Connection: close" it takes those bytes for the next request. Read, not cut: a client still
     * sending a body it was refused must get to read the answer, which a reset connection would lose.
     */
    private static void finishBody(RoutingRequest request) {
        if (!request.content().hasEntity() || request.content().consumed()) {
            return;
        }
        ReadDeadlines.reading();
        try {
            request.content().consume();
        } catch (RuntimeException notSent) {
            throw new CloseConnectionException("A body that did not come: the connection closes", notSent);
        } finally {
            ReadDeadlines.done();
            Thread.interrupted(); // the watchdog's, if it came: the connection closes, this thread goes on
        }
    }

    /**
     * Browsers cannot set headers on EventSource and WebSocket, so only the two stream routes take
     * {@code ?token=} (exactly them: not a conversation that happens to be named "events").
     */
    private static String queryToken(String path, String value) {
        return isStream(path) ? value : null;
    }

    private static boolean isStream(String path) {
        return path.equals(ApiServer.PREFIX + "/events") || path.equals(ApiServer.PREFIX + "/ws");
    }

    private boolean hostAllowed(Headers headers) {
        return allowedHosts.contains(headers.first(HeaderNames.HOST).orElse("").toLowerCase(Locale.ROOT));
    }

    /** Why the request may not proceed, or empty; {@code queryToken} is the {@code ?token=} a stream was given. */
    Optional<ApiProblem> refusal(Headers headers, String queryToken) {
        if (!hostAllowed(headers)) {
            return Optional.of(new ApiProblem(403, "Forbidden host", "Parley's API answers only requests addressed"
                    + " to 127.0.0.1 or localhost with its port."));
        }
        Optional<String> origin = headers.first(HeaderNames.ORIGIN);
        if (origin.isPresent() && !allowedOrigins.contains(origin.get())) {
            return Optional.of(new ApiProblem(403, "Forbidden origin", "Web pages from " + origin.get()
                    + " may not call Parley; add the origin to api.allowed-origins in config.yaml to allow it."));
        }
        if (headers.values(HeaderNames.AUTHORIZATION).size() > 1) { // which one counts would be a guess
            return Optional.of(ApiProblem.badRequest("Send one Authorization header."));
        }
        String authorization = headers.first(HeaderNames.AUTHORIZATION).orElse("");
        boolean authorized = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? token.matches(authorization.substring(BEARER.length()))
                : token.matches(queryToken);
        if (!authorized) {
            // No path: a caller without the token learns nothing of this account's folders.
            return Optional.of(new ApiProblem(401, "Unauthorized", "Send the token from the file api-token in"
                    + " Parley's data folder (parley serve prints where) as 'Authorization: Bearer TOKEN'."));
        }
        return Optional.empty();
    }

    /**
     * Checked on the declared length; a chunked body is counted as it is read. Audio
     * ({@code /transcribe}) may have 25 MB, an ask 20 MB, any other JSON body 1 MB.
     */
    private static Optional<ApiProblem> tooLarge(Headers headers, String path) {
        long length = headers.first(HeaderNames.CONTENT_LENGTH).map(RequestGuard::parseLength).orElse(0L);
        boolean audio = path.endsWith("/transcribe");
        if (audio && length > MAX_BODY_BYTES) {
            return Optional.of(new ApiProblem(413, "Body too large", "Audio may have at most 25 MB; this body has "
                    + length + " bytes."));
        }
        long limit = jsonLimit(path);
        if (!audio && length > limit) {
            return Optional.of(new ApiProblem(413, "Body too large", "A JSON body " + (limit == MAX_ASK_BYTES
                    ? "of an ask (with its images) " : "") + "may have at most " + limit / (1024 * 1024) + " MB; this"
                    + " one has " + length + " bytes."));
        }
        return Optional.empty();
    }

    /** The most a JSON body to {@code path} may have: an ask's images need more than any other. */
    static long jsonLimit(String path) {
        return path.endsWith("/ask") ? MAX_ASK_BYTES : MAX_JSON_BYTES;
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
