package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lines of an event stream read from a real socket: bounded in length and in the wait for each. */
class EventStreamLinesTest {

    private ServerSocket listener;
    private Socket client;
    private Socket server;

    @BeforeEach
    void connect() throws Exception {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        server = listener.accept();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        server.close();
        listener.close();
    }

    private void send(String text) throws Exception {
        OutputStream out = server.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void linesEndAtLineFeedsWithOrWithoutCarriageReturnAndTheStreamsEndIsNull() throws Exception {
        send("data: {\"a\":1}\r\n: keep-alive\n\ndata: é\n");
        server.shutdownOutput();

        try (EventStreamLines lines = new EventStreamLines(client.getInputStream(), Duration.ofSeconds(5))) {
            assertThat(lines.next()).isEqualTo("data: {\"a\":1}");
            assertThat(lines.next()).isEqualTo(": keep-alive");
            assertThat(lines.next()).isEmpty();
            assertThat(lines.next()).isEqualTo("data: é");
            assertThat(lines.next()).isNull();
            assertThat(lines.next()).isNull();
        }
    }

    @Test
    void aServerFallingSilentEndsTheWaitAfterTheIdleTime() throws Exception {
        send("data: first\n");

        try (EventStreamLines lines = new EventStreamLines(client.getInputStream(), Duration.ofMillis(300))) {
            assertThat(lines.next()).isEqualTo("data: first");
            long start = System.nanoTime();
            assertThatThrownBy(lines::next).isInstanceOf(EventStreamLines.SilentException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250),
                    Duration.ofSeconds(5));
        }
    }

    @Test
    void keepAlivesWithinTheIdleTimeKeepTheStreamGoing() throws Exception {
        try (EventStreamLines lines = new EventStreamLines(client.getInputStream(), Duration.ofMillis(600))) {
            for (int i = 0; i < 4; i++) {
                Thread.sleep(200);
                send(": keep-alive\n");
                assertThat(lines.next()).isEqualTo(": keep-alive");
            }
        }
    }

    @Test
    void aLineOverTheLimitIsRefusedWithoutBeingReturned() throws Exception {
        send("data: " + "x".repeat(100) + "\n");

        try (EventStreamLines lines = new EventStreamLines(client.getInputStream(), Duration.ofSeconds(5), 64)) {
            assertThatThrownBy(lines::next).isInstanceOf(EventStreamLines.LineTooLongException.class);
            assertThatThrownBy(lines::next).isInstanceOf(EventStreamLines.LineTooLongException.class);
        }
    }
}
