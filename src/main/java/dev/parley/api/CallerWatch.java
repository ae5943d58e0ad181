package dev.parley.api;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Notices the caller of an ask (or a {@code /speak}) leaving while its turn runs, so the turn is
 * stopped as {@code /stop} stops it: the model's stream closed, no further tool run, no more speech.
 * A plain (JSON) ask writes nothing until its turn has ended, and a streamed one nothing while the
 * model is silent or a tool runs, so a failed write noticed a caller's leaving late or never, after
 * the provider's tokens were paid for and its tools had run. The turn then ends as any stopped turn does, so a conversation reads the same
 * whoever stopped it: what the answer had shown (spoken: what was heard) stays, marked interrupted,
 * with the tool rounds that finished; with nothing shown and no tool run the question is taken back.
 *
 * <p>Once an ask's body is read nothing more is due from its caller until the answer is sent, so a
 * read of its connection on a thread of its own waits; the caller closing its socket (or its process
 * ending) ends that read at once with the stream's end, or a reset. That is the caller leaving.
 * Bytes instead (a request sent behind the ask) mean it is there, and the watch ends. Go's net/http
 * cancels a request's context by the same background read. Such a read cannot be called back without
 * closing the socket (Helidon's connection threads are virtual: an interrupt closes it), and Helidon
 * reads the connection's next request through the same reader, so a watched ask's connection closes
 * after its answer: the answer says {@code Connection: close}, and {@link #filter} ends it.
 * A caller that only shuts down its sending side (half-closes, as {@code nc -N} does) counts as gone.
 *
 * <p>Registered twice with the server: as a receive listener, to know each request's connection
 * (routes run on their connection's thread), and as a filter, to end a watched connection.
 */
final class CallerWatch implements Http1ConnectionListener, Filter {

    private static final Logger LOG = LogManager.getLogger(CallerWatch.class);
    /** The connection of the request this thread handles; set before its route runs. */
    private static final ThreadLocal<ConnectionContext> CONNECTION = new ThreadLocal<>();
    /** The watch the request this thread handles started, if any. */
    private static final ThreadLocal<Watch> WATCHED = new ThreadLocal<>();

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        CONNECTION.set(ctx);
    }

    /**
     * Watches the caller of the request this thread handles, whose body must have been read: {@code
     * onGone} runs once, on the watch's thread, if it leaves before the watch is closed.
     */
    static Watch start(ServerRequest request, ServerResponse response, Runnable onGone) {
        ConnectionContext connection = CONNECTION.get();
        if (connection == null || request.content().hasEntity() && !request.content().consumed()) {
            return new Watch(() -> { }); // a body still to be read is the route's, not a watch's to read
        }
        response.header(HeaderNames.CONNECTION, "close");
        Watch watch = new Watch(onGone);
        WATCHED.set(watch);
        DataReader reader = connection.dataReader();
        Thread.ofVirtual().name("parley-api-caller-watch").start(() -> watch.read(reader));
        return watch;
    }

    /** Ends the connection of a watched request once its answer is sent, since the watch's read may still wait on it. */
    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        Throwable failed = null;
        try {
            chain.proceed(); // the routes' error handlers answer within it
        } catch (RuntimeException | Error e) { // an Error too: a watch left open would read the next request
            failed = e;
        }
        Watch watch = WATCHED.get();
        if (watch != null) {
            WATCHED.remove();
            watch.close();
            throw new CloseConnectionException("A watched ask's connection closes after its answer", failed);
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }

    /** One ask's watch; closed, a read that ends (as the connection closes after the answer) means nothing. */
    static final class Watch implements AutoCloseable {
        private final Runnable onGone;
        private final AtomicBoolean over = new AtomicBoolean();

        private Watch(Runnable onGone) {
            this.onGone = onGone;
        }

        private void read(DataReader reader) {
            try {
                reader.ensureAvailable(); // returns when bytes come: the caller is there
            } catch (RuntimeException gone) { // the stream's end, or a reset
                if (over.compareAndSet(false, true)) {
                    LOG.debug("The caller of an ask left; its turn stops");
                    onGone.run();
                }
            }
        }

        @Override
        public void close() {
            over.set(true);
        }
    }
}
