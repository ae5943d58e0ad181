package dev.parley.ui;

import dev.parley.ParleyException;
import dev.parley.api.ApiServer;
import dev.parley.api.ApiToken;
import dev.parley.config.ApiConfig;
import dev.parley.config.ParleyPaths;
import dev.parley.ui.main.ApiState;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The control API the window serves while {@code api.enabled} is true. Starting, restarting and
 * stopping run in order on one background thread, so neither the window's start nor a Settings save
 * waits for the server; a port in use is reported as a state, never thrown.
 */
final class DesktopApi implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(DesktopApi.class);

    private final ApiServer.Backend backend;
    private final ParleyPaths paths;
    /** A virtual thread: the API is off for most users, and a platform thread would wait here for ever. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("parley-api").factory());
    private final List<Consumer<ApiState>> watchers = new CopyOnWriteArrayList<>();
    private volatile ApiState state = ApiState.OFF;
    /** Touched on the worker thread only. */
    private ApiServer server;
    /** The config last applied while enabled (whether or not it started); null while off. Worker thread only. */
    private ApiConfig applied;

    DesktopApi(ApiServer.Backend backend, ParleyPaths paths) {
        this.backend = backend;
        this.paths = paths;
    }

    /** Starts, restarts or stops the server as {@code config} says; returns at once. */
    void apply(ApiConfig config) {
        worker.execute(() -> applyNow(config));
    }

    /** Tells {@code watcher} the current state now and each change after (on the API's thread). */
    synchronized void watch(Consumer<ApiState> watcher) { // with publish: no watcher sees an older state last
        watchers.add(watcher);
        watcher.accept(state);
    }

    ApiState state() {
        return state;
    }

    private void applyNow(ApiConfig config) {
        ApiConfig wanted = config.enabled() ? config : null;
        // Every save is published, most change other keys: an unchanged running (or off) API stays as
        // it is, while one that failed to start is tried again.
        if (Objects.equals(wanted, applied) && (wanted == null || server != null)) {
            return;
        }
        stopNow();
        applied = wanted;
        if (wanted == null) {
            publish(ApiState.OFF);
            return;
        }
        try {
            ApiToken token = ApiToken.forUser(paths);
            ApiServer started = ApiServer.start(wanted, token, backend);
            if (started.port() < 0) {
                // Helidon logs a failed bind and returns a server that does not listen, instead of throwing.
                started.close();
                throw new IllegalStateException("the port is in use, or the address is not this computer's");
            }
            server = started;
            LOG.info("The window serves the control API on {}", server.url());
            publish(ApiState.serving(server.url(), token.file().toString()));
        } catch (ParleyException e) {
            // Says what is wrong and what to do (the token file on a full disk); no port is to blame.
            LOG.warn("The control API could not start: {}", e.getMessage());
            publish(ApiState.failed(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("The control API could not start on {}:{}", wanted.host(), wanted.port(), e);
            publish(ApiState.failed("The control API cannot listen on " + wanted.host() + ":" + wanted.port() + " ("
                    + rootMessage(e) + "). Another program may use that port; choose another api.port in"
                    + " config.yaml."));
        }
    }

    private void stopNow() {
        if (server != null) {
            try {
                server.close();
            } catch (RuntimeException e) {
                LOG.warn("Stopping the control API failed", e);
            }
            server = null;
        }
    }

    private synchronized void publish(ApiState now) {
        state = now;
        watchers.forEach(watcher -> watcher.accept(now));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** Stops the server and waits (briefly) for it, so the port is free when this returns. */
    @Override
    public void close() {
        worker.execute(this::stopNow);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The control API did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
