package dev.parley.llm;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Future;

/**
 * The HTTP request of one reply round, so that the round can close it whatever stage it is in. A
 * LangChain4j stream handle exists only once the provider's first event has arrived; before that (a
 * local server still loading its model sends nothing for minutes) stopping the reply had nothing to
 * cancel, and the connection stayed open until the provider's timeout.
 *
 * <p>The round runs its client's {@code chat()} inside {@link #during}; the HTTP client, which
 * LangChain4j calls on that same thread, reports its exchange and then the response body here.
 */
final class InFlightRequest {

    private static final ThreadLocal<InFlightRequest> STARTING = new ThreadLocal<>();

    private Future<?> exchange;
    private InputStream body;
    private boolean cancelled;

    /** Runs {@code start}, which sends the request, with this as the request the HTTP client reports to. */
    void during(Runnable start) {
        STARTING.set(this);
        try {
            start.run();
        } finally {
            STARTING.remove();
        }
    }

    /** The request being started on this thread; one nobody cancels when no round started it. */
    static InFlightRequest current() {
        InFlightRequest current = STARTING.get();
        return current != null ? current : new InFlightRequest();
    }

    /** The request sent, waiting for the response's headers; cancelling it aborts the connection. */
    synchronized void exchange(Future<?> sent) {
        exchange = sent;
        if (cancelled) {
            sent.cancel(true);
        }
    }

    /** The response's body, being read; closing it ends the stream and its connection. */
    synchronized void body(InputStream stream) {
        body = stream;
        if (cancelled) {
            closeBody();
        }
    }

    /** Closes the request wherever it is: before the response, or while its body streams. */
    synchronized void cancel() {
        cancelled = true;
        if (exchange != null) {
            exchange.cancel(true);
        }
        if (body != null) {
            closeBody();
        }
    }

    private void closeBody() {
        try {
            body.close();
        } catch (IOException alreadyBroken) {
            // closed all the same as far as the round is concerned
        }
    }
}
