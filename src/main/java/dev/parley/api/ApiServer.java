package dev.parley.api;

import dev.parley.Components;
import dev.parley.config.ApiConfig;
import dev.parley.llm.SwitchableLanguageModel;
import dev.parley.platform.BuildVersion;
import dev.parley.platform.OpenFileLimit;
import dev.parley.voice.TurnController;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.jul.Log4jBridgeHandler;

/**
 * The control API on Helidon SE: routes under {@code /api/v1} behind the {@link RequestGuard}, and
 * the event streams fed by one subscription to the assistant. {@link #close} ends the streams first,
 * so no client waits on a server that is going.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(ApiServer.class);
    static final String PREFIX = "/api/v1";
    /**
     * How often an event stream with no event sends a keep-alive, so a server and a client each notice
     * the other gone; {@code parley events} takes four missed as a stuck server.
     */
    public static final Duration EVENT_KEEP_ALIVE = Duration.ofSeconds(15);
    private static final int REPLAYED_EVENTS = 1000;
    private static final int CLIENT_QUEUE = 1000;
    /**
     * Connections at once: far more than any local use, and a quarter of what the process may open (at
     * least 256, at most 4,096), so a flood of connections from another program on the machine, which
     * needs no token to connect, takes that many sockets to shut the API out.
     */
    static final int MAX_CONNECTIONS = connectionLimit();
    /**
     * A connection that sent no request for this long is closed: an idle keep-alive, or a socket opened
     * and left silent to use up the connections. A running answer or event stream is never cut (Helidon
     * closes a busy connection only once its response ends), and a WebSocket client answers the event
     * stream's ping every 15 s. Checked every {@link #IDLE_CHECK}.
     */
    private static final Duration IDLE_CONNECTION = Duration.ofSeconds(30);
    private static final Duration IDLE_CHECK = Duration.ofSeconds(10);
    /** How long a stopping server lets a cut-off ask send its answer. */
    private static final long STOP_WAIT_MILLIS = 5000;

    /**
     * What the API drives: the wiring, the active model (switched in place), the one assistant, and
     * whether that assistant has a microphone (push-to-talk is refused without), and the name its
     * conversation is saved under (an ask naming another saved conversation runs beside it).
     */
    public record Backend(Components components, SwitchableLanguageModel model, TurnController assistant,
            boolean listening, Supplier<String> openConversation) {}

    private final WebServer server;
    private final EventHub hub;
    private final AutoCloseable subscription;
    private final AskRoutes asks;
    private final ConversationAsks others;
    private final String host;

    private ApiServer(WebServer server, EventHub hub, AutoCloseable subscription, AskRoutes asks,
            ConversationAsks others, String host) {
        this.server = server;
        this.hub = hub;
        this.subscription = subscription;
        this.asks = asks;
        this.others = others;
        this.host = host;
    }

    /** Starts listening on {@code config}'s host and port (0 = any free port). */
    public static ApiServer start(ApiConfig config, ApiToken token, Backend backend) {
        routeHelidonLoggingToLog4j();
        if (!isLoopback(config.host())) {
            LOG.warn("The control API listens on {}, so other machines can reach it; only the token protects it.",
                    config.host());
        }
        RequestGuard guard = new RequestGuard(token, config.allowedOrigins());
        CallerWatch callers = new CallerWatch();
        EventHub hub = new EventHub(REPLAYED_EVENTS, CLIENT_QUEUE, Clock.systemUTC());
        AutoCloseable subscription = backend.assistant().subscribe(hub);
        EventStreams streams = new EventStreams(hub, guard);
        Components components = backend.components();
        ConversationAsks others = new ConversationAsks(components.conversationStore(), components::newConversation,
                components.turnRunner(backend.model()), backend.assistant().events());
        AskRoutes asks = new AskRoutes(backend.assistant(), backend.listening(), backend.openConversation(), others,
                new AskImages(components.imagePreparer(), components.config().llm().images().maxCount()));
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .shutdownHook(false) // parley serve closes the server in its own, ordered, shutdown
                // The guard and the routes answer an over-long body with its own limit; this is only the
                // backstop, set above theirs (a declared length over it is refused before any route, as
                // problem JSON too: ProblemResponses.direct).
                .maxPayloadSize(RequestGuard.MAX_BODY_BYTES + 1024 * 1024)
                // Below the process's file limit, so a flood of idle connections waits in the backlog
                // instead of failing accept() with "too many open files", which ends Helidon's listener.
                .maxTcpConnections(MAX_CONNECTIONS)
                .idleConnectionTimeout(IDLE_CONNECTION)
                .idleConnectionPeriod(IDLE_CHECK)
                // The idle check leaves a connection alone once a request has begun: ReadDeadlines ends one
                // that falls silent in its head or body.
                .addProtocol(Http1Config.builder().addReceiveListener(new ReceiveListeners(new ReadDeadlines(), callers))
                        .build())
                .directHandlers(ProblemResponses.direct())
                // Before Helidon's HTTP/1.1 selector, which leaves any other version's connection unanswered.
                .addConnectionSelector(new OtherHttpVersions())
                .routing(routing -> routes(routing.addFilter(guard).addFilter(callers), backend, streams, asks, others))
                .addRouting(WsRouting.builder().endpoint(PREFIX + "/ws", streams::webSocket))
                // Helidon checks a WebSocket's Origin before our guard sees it: same-origin only, unless told.
                .addProtocol(WsConfig.builder().origins(Set.copyOf(config.allowedOrigins())).build())
                .build()
                .start();
        guard.listeningOn(config.host(), server.port());
        return new ApiServer(server, hub, subscription, asks, others, config.host());
    }

    private static void routes(HttpRouting.Builder routing, Backend backend, EventStreams streams, AskRoutes asks,
            ConversationAsks others) {
        Components components = backend.components();
        routing.error(ApiProblem.class, (request, response, problem) -> ProblemResponses.send(request, response, problem))
                .error(Exception.class, (request, response, error) -> {
                    if (ClientGone.is(error)) {
                        LOG.debug("The client of {} {} went away mid-request", request.prologue().method(),
                                request.path().path());
                        return;
                    }
                    LOG.error("The API failed on {} {}", request.prologue().method(), request.path().path(), error);
                    ProblemResponses.send(request, response, 500, "Internal error", "Parley could not answer this request;"
                            + " its log has the details.");
                })
                .register(PREFIX, rules -> {
                    rules.get("/health", (request, response) -> ApiJson.send(response, 200,
                            ApiJson.object().put("status", "ok").put("version", version())));
                    rules.get("/openapi.json", (request, response) -> {
                        response.header(io.helidon.http.HeaderNames.CONTENT_TYPE, ApiJson.JSON);
                        response.send(openApi());
                    });
                    rules.get("/events", streams::sse);
                    new ProviderRoutes(components, backend.model()).register(rules);
                    asks.register(rules);
                    new TranscribeRoute(components::recognizer).register(rules);
                    new ConversationRoutes(components.conversationStore(), backend.openConversation(), others)
                            .register(rules);
                    new UsageRoutes(components.usageLedger(), components.prices(), components::config).register(rules);
                })
                .any((request, response) -> ProblemResponses.send(request, response, 404, "Not found",
                        "There is no " + request.prologue().method() + " " + request.path().path()
                                + "; see docs/api.md for the endpoints."));
    }

    /** Helidon logs through java.util.logging, which would print INFO lines on the console. */
    private static synchronized void routeHelidonLoggingToLog4j() {
        Log4jBridgeHandler.install(true, null, true);
    }

    private static int connectionLimit() {
        return (int) Math.clamp(OpenFileLimit.current().orElse(1024) / 4, 256, 4096);
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    /** The OpenAPI 3.1 description of these routes, kept next to this class. */
    private static byte[] openApi() throws IOException {
        try (InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IOException("openapi.json is missing from the build");
            }
            return in.readAllBytes();
        }
    }

    static String version() {
        return BuildVersion.get().orElse("development");
    }

    public int port() {
        return server.port();
    }

    /** The base URL clients use; loopback even when listening on all addresses. */
    public String url() {
        return "http://" + (isLoopback(host) || host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port();
    }

    int streamClients() {
        return hub.clientCount();
    }

    long lastEventSeq() {
        return hub.lastSeq();
    }

    /** Ends the event streams and a running ask (its caller gets a 409: stopped), then stops listening. */
    @Override
    public void close() {
        hub.close();
        try {
            others.stopAll(STOP_WAIT_MILLIS);
            asks.stopRunning(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("Unsubscribing the API from the assistant failed", e);
        }
        server.stop();
        others.close();
    }
}
