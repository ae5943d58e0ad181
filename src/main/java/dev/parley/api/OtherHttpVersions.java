package dev.parley.api;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Answers a request in an HTTP version other than 1.1 ({@code GET / HTTP/1.0}, {@code HTTP/2.0} without
 * an upgrade) with 505 and problem JSON. Helidon's HTTP/1.1 selector claims only a first line ending in
 * {@code HTTP/1.1}, and a connection no selector claims is closed without a byte or a log line, so a
 * client of HTTP/1.0 (old scripts, monitoring probes) saw the connection drop and learned nothing.
 * Registered before Helidon's own selector; every other connection is left to it. A first line not
 * yet whole (it came in two packets) is left to it too, as it claims such a connection at once: its
 * HTTP/1.1 connection then refuses 1.0 as "version not supported", which {@link ProblemResponses#direct}
 * answers with the same 505, and any other version as a bad request (400).
 */
final class OtherHttpVersions implements ServerConnectionSelector {

    private static final Logger LOG = LogManager.getLogger(OtherHttpVersions.class);
    /** A request line of any HTTP version; 1.1 is excluded separately. */
    private static final Pattern REQUEST_LINE = Pattern.compile("[A-Z]+ \\S+ HTTP/\\d(\\.\\d)?\r?");
    /** More header lines than a client sends: the head is read only so the answer is not lost to a reset. */
    private static final int MAX_HEAD_LINES = 200;
    /** Longer than any header a client sends (Helidon's own limit for HTTP/1.1 is 16 KB for the head). */
    private static final int MAX_LINE = 8192;

    @Override
    public int bytesToIdentifyConnection() {
        return 0; // the first line, however long: until it is complete, Helidon's selector decides
    }

    @Override
    public Support supports(BufferData data) {
        int lineFeed = data.indexOf((byte) '\n');
        if (lineFeed < 0) {
            return Support.UNSUPPORTED;
        }
        String line = data.readString(lineFeed, StandardCharsets.ISO_8859_1);
        return REQUEST_LINE.matcher(line).matches() && !line.stripTrailing().endsWith(" HTTP/1.1")
                ? Support.SUPPORTED : Support.UNSUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return Set.of();
    }

    @Override
    public ServerConnection connection(ConnectionContext context) {
        return new Refusal(context);
    }

    /** One connection: its request head read, 505 sent, closed. */
    private static final class Refusal implements ServerConnection {

        private final ConnectionContext context;
        private final long started = System.nanoTime();
        private volatile Thread handler;

        Refusal(ConnectionContext context) {
            this.context = context;
        }

        @Override
        public void handle(Limit limit) {
            handler = Thread.currentThread();
            String version = "another version";
            try {
                version = requestHead();
            } catch (RuntimeException cutShort) {
                // A head that ends early or is not HTTP: the answer is still the version's.
            }
            LOG.debug("Refused a request in {} with 505", version);
            byte[] body = ApiJson.write(ProblemResponses.json(505, "HTTP Version Not Supported", "Send HTTP/1.1.",
                    null)).getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 505 HTTP Version Not Supported\r\nContent-Type: " + ProblemResponses.CONTENT_TYPE
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            try {
                context.dataWriter().writeNow(BufferData.create(BufferData.create(head.getBytes(
                        StandardCharsets.ISO_8859_1)), BufferData.create(body)));
            } catch (RuntimeException clientGone) {
                LOG.debug("A client of {} left before its 505", version);
            }
        }

        /**
         * Reads the request's head, so closing the connection does not reset it with unread bytes (a reset
         * can make the client drop the answer it has not read yet), and returns its version for the log.
         */
        private String requestHead() {
            String requestLine = boundedLine();
            String version = requestLine.substring(requestLine.lastIndexOf(' ') + 1);
            for (int i = 0; i < MAX_HEAD_LINES && !boundedLine().isEmpty(); i++) {
                // header lines, not needed for the answer
            }
            return version;
        }

        /** The next line, if it ends within {@link #MAX_LINE} bytes: an endless line is not buffered. */
        private String boundedLine() {
            if (context.dataReader().findNewLine(MAX_LINE) >= MAX_LINE) {
                throw new IllegalStateException("a request line or header longer than " + MAX_LINE + " bytes");
            }
            return context.dataReader().readLine();
        }

        /** Since the connection began: a client that sends part of a head and stops is closed as idle. */
        @Override
        public Duration idleTime() {
            return Duration.ofNanos(System.nanoTime() - started);
        }

        @Override
        public void close(boolean interrupt) {
            Thread thread = handler;
            if (interrupt && thread != null) {
                thread.interrupt();
            }
        }
    }
}
