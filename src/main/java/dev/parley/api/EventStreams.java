package dev.parley.api;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.sse.SseEvent;
import io.helidon.common.parameters.Parameters;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code GET /api/v1/events} (SSE) and {@code GET /api/v1/ws} (WebSocket): each client gets its own
 * {@link EventClient} from the {@link EventHub} and a thread that writes it, so one stuck client
 * blocks only its own thread. A keep-alive every {@link #KEEP_ALIVE_MILLIS} notices clients that left.
 */
final class EventStreams {

    private static final Logger LOG = LogManager.getLogger(EventStreams.class);
    private static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");
    static final long KEEP_ALIVE_MILLIS = ApiServer.EVENT_KEEP_ALIVE.toMillis();

    private final EventHub hub;
    private final RequestGuard guard;

    EventStreams(EventHub hub, RequestGuard guard) {
        this.hub = hub;
        this.guard = guard;
    }

    /**
     * SSE: runs on the request's own (virtual) thread until the client or the server goes. Each event
     * carries its id ({@link EventHub#eventId}), so a browser's EventSource reconnects with
     * {@code Last-Event-ID} and resumes after the last event it had, which takes precedence over the
     * {@code ?since=} of its URL (that would replay the same events at every reconnect).
     */
    void sse(ServerRequest request, ServerResponse response) {
        Optional<String> lastEventId = request.headers().first(LAST_EVENT_ID).filter(id -> !id.isBlank());
        long since = lastEventId.isPresent() ? hub.since(lastEventId.get()) : since(request.query());
        EventClient client = hub.join(since, levels(request.query()));
        try (SseSink sink = response.sink(SseSink.TYPE)) {
            // Sends the headers now: a client that sees them knows it receives every later event. Its id
            // is where the stream stands, so a client that reconnects before any event resumes there.
            sink.emit(SseEvent.builder().id(hub.eventId(client.resumesAfter())).data(connected()).build());
            for (EventClient.Event event = client.next(KEEP_ALIVE_MILLIS); event != null;
                    event = client.next(KEEP_ALIVE_MILLIS)) {
                client.writing(Thread.currentThread());
                sink.emit(sse(event));
                client.written();
            }
        } catch (UncheckedIOException e) {
            LOG.debug("An event stream client left: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!client.abandoned()) {
                throw e;
            }
        } finally {
            hub.leave(client);
            if (client.abandoned()) {
                Thread.interrupted(); // the interrupt closed the socket; Helidon's thread is not to keep it
            }
        }
    }

    /** A notice of the stream's own ({@code dropped}) has no id: the client's last id stays its last event's. */
    private SseEvent sse(EventClient.Event event) {
        if (event == EventClient.IDLE) {
            return SseEvent.builder().comment("keep-alive").build();
        }
        SseEvent.Builder built = SseEvent.builder().data(event.json());
        if (event.seq() != EventClient.NO_SEQ) {
            built.id(hub.eventId(event.seq()));
        }
        return built.build();
    }

    /** A listener for one WebSocket connection; the same checks as for HTTP, made at the upgrade. */
    WsListener webSocket() {
        return new WsListener() {
            private volatile EventClient client;
            private long since = -1;
            private boolean levels;

            @Override
            public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
                Optional<ApiProblem> refusal = guard.refusal(headers, prologue.query().first("token").orElse(null));
                if (refusal.isPresent()) {
                    throw new WsUpgradeException(refusal.get().title());
                }
                try {
                    since = since(prologue.query());
                } catch (ApiProblem e) {
                    throw new WsUpgradeException(e.detail());
                }
                levels = levels(prologue.query());
                return Optional.empty();
            }

            @Override
            public void onOpen(WsSession session) {
                EventClient joined = hub.join(since, levels);
                client = joined;
                Thread.ofVirtual().name("parley-api-ws").start(() -> write(session, joined));
            }

            /**
             * RFC 6455 requires the pong, and Helidon's listener sends none by itself: clients that ping to
             * check the connection (Python's websockets every 20 s) otherwise drop it as dead.
             */
            @Override
            public void onPing(WsSession session, BufferData payload) {
                session.pong(payload);
            }

            /**
             * A close code no endpoint may send (RFC 6455 7.4) is a protocol error; Helidon would answer
             * it with 1000. Closing first makes Helidon's own reply none.
             */
            @Override
            public void onClose(WsSession session, int status, String reason) {
                if (!sendableCloseCode(status)) {
                    closeQuietly(session, WsCloseCodes.PROTOCOL_ERROR);
                }
                leave();
            }

            /**
             * A frame Helidon could not read, such as a close frame of one byte: Helidon would close
             * with 1011 and its exception's message ("This buffer has 1 bytes…") as the reason; the
             * client is told 1002 instead, with no text of the server's insides.
             */
            @Override
            public void onError(WsSession session, Throwable error) {
                LOG.debug("A WebSocket client failed: {}", error.getMessage());
                closeQuietly(session, WsCloseCodes.PROTOCOL_ERROR);
                leave();
            }

            private void leave() {
                EventClient joined = client;
                if (joined != null) {
                    hub.leave(joined);
                }
            }
        };
    }

    private void write(WsSession session, EventClient client) {
        try {
            session.send(connected(), true);
            for (EventClient.Event event = client.next(KEEP_ALIVE_MILLIS); event != null;
                    event = client.next(KEEP_ALIVE_MILLIS)) {
                client.writing(Thread.currentThread());
                if (event == EventClient.IDLE) {
                    session.ping(BufferData.empty());
                } else {
                    session.send(event.json(), true);
                }
                client.written();
            }
            if (hub.closed()) { // else the client left, and Helidon answers its close: this one would race it
                session.close(WsCloseCodes.GOING_AWAY, "Parley is stopping");
            }
        } catch (RuntimeException e) {
            LOG.debug("A WebSocket client left: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hub.leave(client);
        }
    }

    /** Whether an endpoint may send {@code code} in a close frame (RFC 6455 7.4.1, 7.4.2, and IANA's 1012-1014). */
    static boolean sendableCloseCode(int code) {
        return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
    }

    private static void closeQuietly(WsSession session, int code) {
        try {
            session.close(code, "");
        } catch (RuntimeException gone) {
            LOG.debug("A WebSocket client could not be told why it is closed: {}", gone.getMessage());
        }
    }

    /**
     * The first message of every stream: the client is subscribed, the seq to resume from later, and the
     * run those seqs belong to (another run's seqs mean Parley restarted and numbers from 1 again).
     */
    private String connected() {
        return ApiJson.write(ApiJson.object().put("type", "connected").put("seq", hub.lastSeq()).put("run", hub.run()));
    }

    /** Why a stream's {@code ?since=} cannot be used, or empty. */
    static Optional<ApiProblem> badSince(Parameters query) {
        try {
            since(query);
            return Optional.empty();
        } catch (ApiProblem bad) {
            return Optional.of(bad);
        }
    }

    private static long since(Parameters query) {
        Optional<String> value = query.first("since").asOptional();
        if (value.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("since must be an event's seq number, not '" + value.get() + "'.");
        }
    }

    private static boolean levels(Parameters query) {
        return query.first("level").asOptional().map(Boolean::parseBoolean).orElse(false);
    }
}
