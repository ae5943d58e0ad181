package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.api.ApiToken;
import dev.parley.testing.CliRun;
import dev.parley.testing.TemporaryDataDir;
import dev.parley.testing.TestConfigs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley events} against a server that is not Parley, over a real socket: an endless line filled
 * the memory and was printed, a silent server kept it waiting forever, and terminal escapes were printed raw.
 */
class EventsFromAForeignServerTest {

    @RegisterExtension
    final TemporaryDataDir data = new TemporaryDataDir();

    @TempDir
    Path folder;

    private Path config;

    @BeforeEach
    void tokenAndConfig() throws IOException {
        ApiToken.loadOrCreate(data.folder().resolve("api-token"));
        config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");
    }

    /** A server on 127.0.0.1 that reads one request's head, then does what {@code answer} does. */
    private interface Answer {
        void to(OutputStream out) throws IOException, InterruptedException;
    }

    private static final class OneRequestServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final CountDownLatch done = new CountDownLatch(1);

        OneRequestServer(Answer answer) throws IOException {
            Thread.ofVirtual().start(() -> {
                try (Socket socket = listener.accept()) {
                    BufferedReader head = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    for (String line = head.readLine(); line != null && !line.isEmpty(); line = head.readLine()) {
                        // the request's head, not answered by a silent server
                    }
                    answer.to(socket.getOutputStream());
                } catch (IOException | InterruptedException clientLeft) {
                    // the client closed the connection: what these tests want of it
                } finally {
                    done.countDown();
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    private static final byte[] STREAM_HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);

    private CliRun events(int port) {
        return CliRun.of("--config", config.toString(), "events", "--port", String.valueOf(port));
    }

    @Test
    @Timeout(60)
    void anEndlessLineStopsTheCommandPastOneMegabyteAndNothingOfItIsPrinted() throws Exception {
        try (OneRequestServer server = new OneRequestServer(out -> {
            out.write(STREAM_HEAD);
            out.write("data:".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 64 * 1024; i++) { // 4 GB unless the client leaves
                out.write(block);
            }
        })) {
            CliRun run = events(server.port());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("a line of more than 1,048,576 bytes", "not Parley's API", "--port");
            assertThat(run.out()).isEmpty();
            assertThat(server.done.await(10, TimeUnit.SECONDS))
                    .as("the connection was closed, so the server's writing ended").isTrue();
        }
    }

    @Test
    @Timeout(60)
    void aServerThatTakesTheRequestButNeverAnswersIsGivenUpOnInSeconds() throws Exception {
        try (OneRequestServer server = new OneRequestServer(out -> Thread.sleep(60_000))) {
            long start = System.nanoTime();
            CliRun run = events(server.port());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("did not answer within 5 s").doesNotContain("Exception");
        }
    }

    @Test
    @Timeout(60)
    void aStreamQuietForLongerThanTheAnswerTimeoutIsNotCutOff() throws Exception {
        try (OneRequestServer server = new OneRequestServer(out -> {
            out.write(STREAM_HEAD);
            out.flush();
            Thread.sleep(EventsCommand.ANSWER_TIMEOUT.toMillis() + 1500);
            out.write("data:{\"type\":\"late\"}\n\n".getBytes(StandardCharsets.UTF_8));
        })) {
            CliRun run = events(server.port());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("{\"type\":\"late\"}" + System.lineSeparator());
        }
    }

    @Test
    void terminalEscapesInEventsAreShownNotObeyed() throws Exception {
        try (OneRequestServer server = new OneRequestServer(out -> {
            out.write(STREAM_HEAD);
            out.write("data:\u001b]0;RAW\u0007{\"type\":\"x\"}\u001b[2J\n\n".getBytes(StandardCharsets.UTF_8));
        })) {
            CliRun run = events(server.port());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("\u241b]0;RAW\u2407{\"type\":\"x\"}\u241b[2J" + System.lineSeparator());
        }
    }
}
