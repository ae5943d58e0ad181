package dev.parley.api;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.util.List;

/**
 * Several HTTP/1.1 receive listeners as the one Helidon is given: Helidon 4.5 combines two or more
 * into a listener that calls none of them (its {@code ListFrameListener} overrides no method), so
 * with {@link ReadDeadlines} and {@link CallerWatch} both added, neither heard a request.
 */
final class ReceiveListeners implements Http1ConnectionListener {

    private final List<Http1ConnectionListener> listeners;

    ReceiveListeners(Http1ConnectionListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        listeners.forEach(listener -> listener.prologue(ctx, prologue));
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        listeners.forEach(listener -> listener.headers(ctx, headers));
    }

    @Override
    public void status(ConnectionContext ctx, Status status) {
        listeners.forEach(listener -> listener.status(ctx, status));
    }

    @Override
    public void data(ConnectionContext ctx, BufferData data) {
        listeners.forEach(listener -> listener.data(ctx, data));
    }

    @Override
    public void data(ConnectionContext ctx, byte[] data, int position, int length) {
        listeners.forEach(listener -> listener.data(ctx, data, position, length));
    }
}
