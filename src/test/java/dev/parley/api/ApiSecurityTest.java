package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer.Reply;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every request shows the token, a Host of this server and no foreign Origin; bodies are limited. */
class ApiSecurityTest {

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

    @Test
    void aRequestWithoutTheTokenIsRefusedAsProblemJson() throws Exception {
        HttpResponse<String> response = api.http.send(HttpRequest.newBuilder(api.uri("/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":401", "\"title\":\"Unauthorized\"", "\"type\"", "\"detail\"")
                .as("a caller without the token learns no path of this account").doesNotContain(folder.toString());
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control"));
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
        HttpResponse<String> response = api.http.send(HttpRequest.newBuilder(api.uri("/health"))
                .header("Authorization", "Bearer " + api.token.value().replace('a', 'b') + "0").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theTokenWorksAndItsFileIsReadableOnlyByTheUser() throws Exception {
        assertThat(api.get("/health").statusCode()).isEqualTo(200);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(api.token.file()))).isEqualTo("rw-------");
        assertThat(api.token.value()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(ApiToken.loadOrCreate(api.token.file()).value()).isEqualTo(api.token.value());
    }

    @Test
    void twoAuthorizationHeadersAreRefusedWhicheverComesFirst() throws Exception {
        for (String[] pair : new String[][] {{api.token.value(), "wrong"}, {"wrong", api.token.value()}}) {
            try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:" + api.server.port()
                        + "\r\nAuthorization: Bearer " + pair[0] + "\r\nAuthorization: Bearer " + pair[1]
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();

                assertThat(status).startsWith("HTTP/1.1 400");
            }
        }
    }

    /** Found in review: told "Connection: close", Helidon took a refused request's unread body for the next request. */
    @Test
    void aRefusedRequestsBodyIsNeverAnsweredAsARequestOfItsOwn() throws Exception {
        String host = "127.0.0.1:" + api.server.port();
        String inner = "GET /api/v1/conversations HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                + api.token.value() + "\r\n\r\n";
        String outer = "POST /api/v1/ask HTTP/1.1\r\nHost: " + host + "\r\nOrigin: https://evil.example\r\n"
                + "Content-Type: text/plain\r\nContent-Length: " + inner.length() + "\r\n\r\n" + inner;
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.getOutputStream().write(outer.getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(3000);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (SocketTimeoutException keptAlive) {
                // the connection waits for a next request of its own: right
            }

            String text = answer.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("HTTP/1.1 403").doesNotContain("HTTP/1.1 200");
        }
    }

    @Test
    void aRequestForAnotherHostIsRefusedAgainstDnsRebinding() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/health HTTP/1.1\r\nHost: evil.example:" + api.server.port()
                    + "\r\nAuthorization: Bearer " + api.token.value() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();

            assertThat(status).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void aBrowserOriginThatIsNotAllowedIsRefused() throws Exception {
        HttpResponse<String> response = api.http.send(api.request("/health").header("Origin", "https://evil.example")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("api.allowed-origins");
    }

    @Test
    void aJsonBodyOverOneMegabyteIsRefused() throws Exception {
        String big = "{\"text\":\"" + "a".repeat(1024 * 1024 + 1) + "\"}";

        HttpResponse<String> response = api.send("POST", "/speak", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void aChunkedJsonBodyIsCountedAsItIsReadAndRefusedPastOneMegabyte() throws Exception {
        byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        java.util.List<byte[]> body = new java.util.ArrayList<>();
        body.add("{\"text\":\"".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 20; i++) {
            body.add(chunk); // 1.25 MB, sent without a length: chunked
        }
        body.add("\"}".getBytes(StandardCharsets.US_ASCII));

        // /speak: an ask may have 20 MB (its images), every other JSON body 1 MB.
        HttpResponse<String> response = api.http.send(api.request("/speak").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                        java.net.http.HttpRequest.BodyPublishers.ofByteArrays(body)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("at most 1 MB");
    }

    @Test
    void anUnknownPathIsProblemJsonWithoutInternals() throws Exception {
        HttpResponse<String> response = api.get("/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"status\":404").doesNotContain("Exception", "at dev.parley");
    }

    @Test
    void aBodyWithAKeyTwiceTextAfterItOrNestedAThousandDeepIsRefusedInWords() throws Exception {
        HttpResponse<String> twice = api.send("PUT", "/providers/active", "{\"name\":\"local\",\"name\":\"other\"}");
        HttpResponse<String> trailing = api.send("PUT", "/providers/active", "{\"name\":\"local\"} xyz");
        HttpResponse<String> deep = api.send("POST", "/speak", "{\"text\":" + "[".repeat(1500) + "]".repeat(1500) + "}");

        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("Duplicate field 'name'");
        assertThat(trailing.statusCode()).isEqualTo(400);
        assertThat(deep.statusCode()).isEqualTo(400);
        assertThat(deep.body()).contains("nested more than 1,000 levels deep").doesNotContain("StreamReadConstraints");
    }

    /** Refusals Helidon makes before any route ran came with an empty body; they are problem JSON too. */
    @Test
    void whatTheServerRefusesBeforeAnyRouteIsProblemJsonToo() throws Exception {
        String tooLarge = raw("POST /api/v1/speak HTTP/1.1\r\nHost: 127.0.0.1:" + api.server.port()
                + "\r\nAuthorization: Bearer " + api.token.value() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 30000000\r\n\r\n{");
        String badUrl = raw("GET /api/v1/health%zz HTTP/1.1\r\nHost: 127.0.0.1:" + api.server.port() + "\r\n\r\n");

        assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("\"status\":413").contains("larger than this API takes");
        assertThat(badUrl).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"status\":400");
    }

    /** Helidon closed the connection of any other HTTP version without a byte; docs/api.md promised problem JSON. */
    @Test
    void anotherHttpVersionIsAnswered505AsProblemJson() throws Exception {
        String host = "Host: 127.0.0.1:" + api.server.port() + "\r\nAuthorization: Bearer " + api.token.value();
        String http10 = raw("GET /api/v1/health HTTP/1.0\r\n" + host + "\r\n\r\n");
        String http20 = raw("GET /api/v1/health HTTP/2.0\r\n" + host + "\r\n\r\n");
        String http11 = raw("GET /api/v1/health HTTP/1.1\r\n" + host + "\r\n\r\n");

        assertThat(http10).startsWith("HTTP/1.1 505").contains("application/problem+json")
                .contains("\"status\":505").contains("Send HTTP/1.1.");
        assertThat(http20).startsWith("HTTP/1.1 505").contains("\"status\":505");
        assertThat(http11).startsWith("HTTP/1.1 200").contains("\"status\":\"ok\"");
    }

    /**
     * A first line that arrives in two packets is not one {@link OtherHttpVersions} can judge, so it goes
     * to Helidon's HTTP/1.1 connection, whose own refusal of 1.0 must come out as the same 505.
     */
    @Test
    void anHttp10RequestWhoseFirstLineComesInTwoPacketsIsAnswered505Too() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(100); // the server has read the first packet alone
            out.write(("0\r\nHost: 127.0.0.1:" + api.server.port() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));

            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("HTTP/1.1 505").contains("application/problem+json", "\"status\":505", "Send HTTP/1.1.");
        }
    }

    /** Helidon routes {@code GET http://evil.com/api/v1/health} by its path alone; the host it names was never checked. */
    @Test
    void aRequestLineWithAFullUrlIsRefused() throws Exception {
        String host = "Host: 127.0.0.1:" + api.server.port() + "\r\nAuthorization: Bearer " + api.token.value();
        String absolute = raw("GET http://evil.com/api/v1/health HTTP/1.1\r\n" + host + "\r\n\r\n");
        String ours = raw("GET http://127.0.0.1:" + api.server.port() + "/api/v1/health HTTP/1.1\r\n" + host
                + "\r\n\r\n");

        assertThat(absolute).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("not a full URL")
                .doesNotContain("\"status\":\"ok\"");
        assertThat(ours).startsWith("HTTP/1.1 400");
    }

    @Test
    void aSemicolonInThePathIsRefusedNotDroppedWithWhatFollowsIt() throws Exception {
        String host = "Host: 127.0.0.1:" + api.server.port() + "\r\nAuthorization: Bearer " + api.token.value();
        String answer = raw("DELETE /api/v1/conversations/kitchen;x HTTP/1.1\r\n" + host + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("no ';'");
    }

    @Test
    void aMalformedChunkedBodyIsABadRequestAnsweredAtOnce() throws Exception {
        String headers = "Host: 127.0.0.1:" + api.server.port() + "\r\nAuthorization: Bearer " + api.token.value()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        long start = System.nanoTime();
        String notHex = raw("POST /api/v1/ask HTTP/1.1\r\n" + headers + "zz\r\nabc\r\n0\r\n\r\n");

        assertThat(notHex).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("chunked");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(9));
    }

    @Test
    void aHeadRequestsProblemHasNoBodySoTheNextRequestOnTheConnectionIsRead() throws Exception {
        String host = "Host: 127.0.0.1:" + api.server.port() + "\r\nAuthorization: Bearer " + api.token.value();
        String both = raw("HEAD /api/v1/nothing-here HTTP/1.1\r\n" + host + "\r\n\r\n"
                + "GET /api/v1/health HTTP/1.1\r\n" + host + "\r\n\r\n", "\"status\":\"ok\"");

        String afterHead = both.substring(both.indexOf("\r\n\r\n") + 4);
        assertThat(both).startsWith("HTTP/1.1 404");
        assertThat(afterHead).as("nothing between the HEAD's headers and the next response").startsWith("HTTP/1.1 200");
    }

    private String raw(String request) throws Exception {
        return raw(request, "}");
    }

    /** What the server sends back for {@code request}, up to {@code until} (or 10 s of silence). */
    private String raw(String request, String until) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = socket.getInputStream().read(buffer)) > 0; ) {
                    response.write(buffer, 0, read);
                    if (response.toString(StandardCharsets.ISO_8859_1).contains(until)) {
                        break; // the answer has arrived; the server may keep the connection open
                    }
                }
            } catch (SocketTimeoutException stillOpen) {
                // what arrived is the answer
            }
            return response.toString(StandardCharsets.UTF_8);
        }
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
     * Any program on the machine can connect without a token: a connection that started a request and
     * fell silent (half a head, a body declared and never sent) was held for ever, and a few hundred
     * of them shut the API out. All at once, as a flood would come: each is closed within
     * {@link ReadDeadlines#SILENCE} of falling silent in a head or body, a body its route left unread too.
     */
    @Test
    @Tag("slow") // waits out the read deadlines
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
