package dev.parley.api;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends a connection that falls silent mid-request. Any program on the machine can connect without a
 * token, and Helidon closes an idle connection only between requests: one that sent half a request
 * head, or declared a body and never sent it, was held for ever, and a few hundred such sockets shut
 * the API out for everyone. Each read of a request head or body must now make progress within
 * {@link #SILENCE}; a thread blocked longer in a socket read is interrupted, which closes the socket
 * (Helidon's connection threads are virtual threads, whose socket reads end on interrupt).
 *
 * <p>As a receive listener it watches the request head from the first line to the last header; the
 * routes' body readers ({@link LimitedInput}) watch each read of a body.
 */
final class ReadDeadlines implements Http1ConnectionListener {

    /** Longer than any pause of a real client on this machine; short enough that a flood cannot hold out. */
    static final Duration SILENCE = Duration.ofSeconds(20);
    private static final long CHECK_MILLIS = 1000;

    /** One watchdog for the process: the threads reading now, each with the moment it must have read by. */
    private static final Map<Thread, Long> READING = new ConcurrentHashMap<>();
    private static final Thread WATCHDOG = Thread.ofPlatform().daemon().name("parley-api-read-deadlines")
            .unstarted(ReadDeadlines::watch);

    static {
        WATCHDOG.start();
    }

    /** The calling thread is about to wait for a client's bytes. */
    static void reading() {
        readingUntil(System.nanoTime() + SILENCE.toNanos());
    }

    /** The calling thread is about to wait for a client's bytes, which must come by {@code nanoTime}. */
    static void readingUntil(long nanoTime) {
        READING.put(Thread.currentThread(), nanoTime);
    }

    /** The calling thread's read has ended (or the head is complete). */
    static void done() {
        READING.remove(Thread.currentThread());
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        reading(); // the first line is in: the headers must follow
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        done();
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(CHECK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            READING.forEach((thread, deadline) -> {
                // remove(key, value): a read that ended meanwhile removed its entry, and is not interrupted
                if (now - deadline > 0 && READING.remove(thread, deadline)) {
                    thread.interrupt();
                }
            });
        }
    }
}
