package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer.Reply;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any program on the machine can connect without a token. A connection that starts a request and then
 * falls silent (half a request head, a body declared and never sent) used to be held for ever, so a few
 * hundred of them shut the API out for everyone; now each is closed within a bounded time.
 */
@Tag("slow") // waits out the read timeout
class ApiSilentConnectionsTest {

    @TempDir
    Path folder;

    private ApiHarness api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness(folder, Reply.of("Hi."));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** What each connection sends before it falls silent, and whether it shows the token. */
    private static final String[][] SILENT_STARTS = {
            {"GET /api/v1/health HTTP/1.1\r\nHo", "no"}, // half a request head
            {"POST /api/v1/ask HTTP/1.1\r\nHost: HOST\r\nContent-Length: 1000000\r\n\r\n{\"text\":", "no"}, // refused, body unread
            {"POST /api/v1/ask HTTP/1.1\r\nHost: HOST\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello", "no"},
            {"GET /api/v1/health HTTP/1.1\r\nHost: HOST\r\nContent-Length: 100\r\n\r\nabc", "yes"}, // answered, body unread
            {"POST /api/v1/ask HTTP/1.1\r\nHost: HOST\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"te",
                    "yes"}, // a body the route waits for
            {"POST /api/v1/transcribe HTTP/1.1\r\nHost: HOST\r\nContent-Type: audio/wav\r\nContent-Length: 1000000\r\n\r\nRIFF",
                    "yes"}};

    /**
     * All at once, as a flood would come. Each is closed within {@link ReadDeadlines#SILENCE} of falling
     * silent in a head or body, or, when what is left looks like the start of the next request, by
     * Helidon's idle check (30 s, checked every 10 s).
     */
    @Test
    void connectionsThatFallSilentMidRequestAreClosed() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (String[] start : SILENT_STARTS) {
                String request = start[0].replace("HOST", "127.0.0.1:" + api.server.port());
                if (start[1].equals("yes")) {
                    request = request.replaceFirst("\r\n", "\r\nAuthorization: Bearer " + api.token.value() + "\r\n");
                }
                Socket socket = new Socket("127.0.0.1", api.server.port());
                sockets.add(socket);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            long began = System.nanoTime();
            for (int i = 0; i < sockets.size(); i++) {
                Socket socket = sockets.get(i);
                long left = Duration.ofSeconds(50).toMillis() - Duration.ofNanos(System.nanoTime() - began).toMillis();
                socket.setSoTimeout((int) Math.max(left, 1));
                assertThat(readsToTheEnd(socket.getInputStream())).as("closed by the server: " + SILENT_STARTS[i][0])
                        .isTrue();
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertThat(api.get("/health").statusCode()).as("the API still answers").isEqualTo(200);
    }

    /** Reads whatever the server answers (a 401, say) until it closes the connection; false if it never does. */
    private static boolean readsToTheEnd(InputStream in) throws Exception {
        try {
            while (in.read() >= 0) {
                // the answer, if any
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }
}
