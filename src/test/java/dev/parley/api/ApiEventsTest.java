package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer.Reply;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The live event stream over SSE and WebSocket: a whole turn in order, and stuck clients cost nothing. */
class ApiEventsTest {

    /** The events of one typed turn that answers at once, as every stream client sees them. */
    private static final List<String> WHOLE_TURN = List.of("state", "turn.started", "llm.text", "llm.text",
            "llm.text.done", "llm.done", "turn.done", "state");

    @TempDir
    Path folder;

    @Test
    void aWholeTurnStreamsInOrderOverServerSentEvents() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hello ", "there."))) {
            HttpResponse<InputStream> stream = api.http.send(api.request("/events").timeout(java.time.Duration.ofMinutes(1))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            assertThat(readEvents(lines, 1).getFirst()).contains("\"type\":\"connected\""); // subscribed from here on

            assertThat(api.ask("Hi").statusCode()).isEqualTo(200);

            List<String> events = new ArrayList<>();
            while (events.size() < WHOLE_TURN.size()) {
                String line = lines.readLine();
                if (line.startsWith("data:")) {
                    events.add(line.substring("data:".length()).strip());
                }
            }
            assertThat(ApiHarness.types(events)).containsExactlyElementsOf(WHOLE_TURN);
            assertThat(events.getFirst()).contains("\"seq\":", "\"time\":", "\"to\":\"thinking\"");
            assertThat(events.get(5)).contains("\"reply\":\"Hello there.\"");
            stream.body().close();
        }
    }

    @Test
    void aWholeTurnStreamsInOrderOverAWebSocketWithTheTokenInTheQuery() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hello ", "there."))) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            URI ws = URI.create("ws://127.0.0.1:" + api.server.port() + "/api/v1/ws?token=" + api.token.value());
            WebSocket socket = api.http.newWebSocketBuilder().buildAsync(ws, new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    received.add(data.toString());
                    webSocket.request(1);
                    return null;
                }
            }).get(20, TimeUnit.SECONDS);
            assertThat(received.poll(20, TimeUnit.SECONDS)).contains("\"type\":\"connected\"");

            assertThat(api.ask("Hi").statusCode()).isEqualTo(200);

            List<String> events = new ArrayList<>();
            while (events.size() < WHOLE_TURN.size()) {
                String event = received.poll(20, TimeUnit.SECONDS);
                assertThat(event).as("event %d", events.size()).isNotNull();
                events.add(event);
            }
            assertThat(ApiHarness.types(events)).containsExactlyElementsOf(WHOLE_TURN);
            socket.abort();
        }
    }

    @Test
    void aWebSocketClientsPingIsAnsweredWithAPongOfTheSamePayload() throws Exception {
        // Python's websockets, among others, pings every 20 s and drops a connection whose ping goes unanswered.
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            CompletableFuture<String> pong = new CompletableFuture<>();
            URI ws = URI.create("ws://127.0.0.1:" + api.server.port() + "/api/v1/ws?token=" + api.token.value());
            WebSocket socket = api.http.newWebSocketBuilder().buildAsync(ws, new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
                    pong.complete(StandardCharsets.UTF_8.decode(message).toString());
                    return null;
                }
            }).get(20, TimeUnit.SECONDS);

            socket.sendPing(java.nio.ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8)));

            assertThat(pong.get(20, TimeUnit.SECONDS)).isEqualTo("are you there");
            socket.abort();
        }
    }

    @Test
    void aWebSocketWithoutTheTokenIsRefused() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            URI ws = URI.create("ws://127.0.0.1:" + api.server.port() + "/api/v1/ws");
            CompletableFuture<WebSocket> opened = api.http.newWebSocketBuilder()
                    .buildAsync(ws, new WebSocket.Listener() {});

            assertThat(opened).failsWithin(java.time.Duration.ofSeconds(20));
        }
    }

    @Test
    void aWebSocketAskingToResumeFromSomethingThatIsNotASeqGetsProblemJson() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."));
                java.net.Socket socket = new java.net.Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /api/v1/ws?since=abc&token=" + api.token.value() + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + api.server.port() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));

            assertThat(answer.readLine()).isEqualTo("HTTP/1.1 400 Bad Request");
            String line = answer.readLine();
            while (!line.isEmpty()) {
                line = answer.readLine();
            }
            char[] body = new char[400];
            int read = answer.read(body);
            assertThat(new String(body, 0, read)).contains("\"status\":400")
                    .contains("since must be an event's seq number, not 'abc'.");
        }
    }

    @ParameterizedTest(name = "close payload {0}")
    @CsvSource({"03", "03e7", "03ed"}) // one byte; 999 and 1005, codes no endpoint may send
    void aMalformedCloseFrameIsAnsweredAsAProtocolErrorWithNoTextOfTheServersInsides(String payload)
            throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            byte[] reply = closeWith(api, java.util.HexFormat.of().parseHex(payload));

            assertThat(java.util.HexFormat.of().formatHex(reply)).as("close frame: 1002, no reason").isEqualTo("880203ea");
        }
    }

    @Test
    void aClientsCloseIsAnsweredWithItsCodeNeverWithParleyStopping() throws Exception {
        // Leaving ends the client's event writer, whose "Parley is stopping" (1001) raced Helidon's answer.
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            for (int attempt = 0; attempt < 20; attempt++) {
                byte[] reply = closeWith(api, new byte[] {0x03, (byte) 0xe8});

                assertThat(java.util.HexFormat.of().formatHex(reply, 2, 4)).as("close code, attempt %d", attempt).isEqualTo("03e8");
            }
        }
    }

    /** Opens a WebSocket, sends a close frame with {@code payload} and returns the server's close frame. */
    private static byte[] closeWith(ApiHarness api, byte[] payload) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /api/v1/ws?token=" + api.token.value() + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + api.server.port() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                head.write(in.read());
            }
            assertThat(head.toString(StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 101");
            byte[] greeting = new byte[2];
            assertThat(in.readNBytes(greeting, 0, 2)).isEqualTo(2);
            in.readNBytes(greeting[1] & 0x7f); // the connected message
            byte[] mask = {1, 2, 3, 4};
            java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
            frame.write(0x88);
            frame.write(0x80 | payload.length);
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            socket.getOutputStream().write(frame.toByteArray());
            byte[] answer = in.readNBytes(2);
            return java.nio.ByteBuffer.allocate(2 + (answer[1] & 0x7f)).put(answer).put(in.readNBytes(answer[1] & 0x7f))
                    .array();
        }
    }

    @Test
    void aClientThatNeverReadsDoesNotDelayTurns() throws Exception {
        String longAnswer = "word ".repeat(5000);
        try (ApiHarness api = new ApiHarness(folder, Reply.of(longAnswer.split("(?<= )")));
                java.net.Socket stuck = new java.net.Socket()) {
            timeTurns(api, 2); // warm-up: the first turns pay for class loading and the JIT
            long unobserved = timeTurns(api, 2);
            // A tiny receive window: the server's writes block once a few kilobytes are in flight.
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new java.net.InetSocketAddress("127.0.0.1", api.server.port()));
            stuck.getOutputStream().write(("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:" + api.server.port()
                    + "\r\nAuthorization: Bearer " + api.token.value() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader lines = new BufferedReader(new InputStreamReader(stuck.getInputStream(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); !line.contains("\"type\":\"connected\""); line = lines.readLine()) {
                assertThat(line).doesNotContain("401", "403"); // headers, then the greeting; not read after it
            }

            long withStuckClient = timeTurns(api, 2);
            System.out.printf("MEASURE two 5,000-word asks: %d ms without a stream client, %d ms with one that never"
                    + " reads%n", unobserved, withStuckClient);

            // 10,000 events of about 100 bytes: far more than the window and the client's queue of 1000.
            assertThat(withStuckClient).as("ms with a stuck client vs. without").isLessThan(2 * unobserved + 1000);
            // The drop-and-tell path itself: anOverflowingClientLosesItsOldestEventsAndIsToldHowMany.
            assertThat(api.server.lastEventSeq()).isGreaterThan(10_000);
        }
    }

    private static long timeTurns(ApiHarness api, int turns) throws Exception {
        long started = System.nanoTime();
        for (int turn = 0; turn < turns; turn++) {
            assertThat(api.ask("Talk").statusCode()).isEqualTo(200);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void aLateClientGetsTheBufferedEventsSinceTheSeqItNames() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hello ", "there."))) {
            assertThat(api.ask("Hi").statusCode()).isEqualTo(200);

            HttpResponse<InputStream> stream = api.http.send(api.request("/events?since=1")
                    .timeout(java.time.Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            List<String> events = new ArrayList<>();
            while (events.size() < WHOLE_TURN.size()) {
                String line = lines.readLine();
                if (line.startsWith("data:")) {
                    events.add(line.substring("data:".length()).strip());
                }
            }

            assertThat(ApiHarness.types(events)).containsExactly("connected", "turn.started", "llm.text", "llm.text",
                    "llm.text.done", "llm.done", "turn.done", "state");
            stream.body().close();
        }
    }

    @Test
    void eachServerSentEventHasAnIdAndAReconnectWithTheLastOneResumesAfterItWhateverItsSince() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hello ", "there."))) {
            assertThat(api.ask("Hi").statusCode()).isEqualTo(200);
            List<String[]> first = readIdentified(api, "/events?since=0", null, 1 + WHOLE_TURN.size());
            assertThat(first).allSatisfy(event -> assertThat(event[0]).as("id of " + event[1]).isNotNull());
            String[] third = first.get(3); // connected, state, turn.started, then the first llm.text

            // An EventSource reconnects to the same URL, ?since=0 and all, with the last id it had.
            List<String[]> resumed = readIdentified(api, "/events?since=0", third[0], 1 + WHOLE_TURN.size() - 3);

            assertThat(resumed.get(0)[1]).contains("\"type\":\"connected\"");
            assertThat(resumed.subList(1, resumed.size())).extracting(event -> event[1])
                    .containsExactlyElementsOf(first.subList(4, first.size()).stream().map(event -> event[1]).toList());
        }
    }

    @Test
    void aClientResumingFromAnEarlierRunGetsEveryBufferedEventOfThisOne() throws Exception {
        // Numbering starts again at 1 when Parley restarts: seq 500 of the run before says nothing here.
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hello ", "there."))) {
            assertThat(api.ask("Hi").statusCode()).isEqualTo(200);

            List<String[]> byId = readIdentified(api, "/events", "0badc0de-500", 1 + WHOLE_TURN.size());
            List<String[]> bySince = readIdentified(api, "/events?since=500", null, 1 + WHOLE_TURN.size());

            assertThat(ApiHarness.types(byId.stream().map(event -> event[1]).toList()))
                    .containsExactly(List.of("connected", "state", "turn.started", "llm.text", "llm.text", "llm.text.done", "llm.done",
                            "turn.done", "state").toArray(String[]::new));
            assertThat(bySince).extracting(event -> event[1]).containsExactlyElementsOf(
                    byId.stream().map(event -> event[1]).toList());
        }
    }

    private static void closeQuietly(BufferedReader reader) {
        try {
            reader.close();
        } catch (java.io.IOException ignored) {
            // the read it ends fails in its turn
        }
    }

    /** The first {@code count} events of an SSE stream as {id, data}, sent {@code lastEventId} if not null. */
    private static List<String[]> readIdentified(ApiHarness api, String path, String lastEventId, int count)
            throws Exception {
        java.net.http.HttpRequest.Builder request = api.request(path).timeout(java.time.Duration.ofMinutes(1)).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> stream = api.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        // Fewer events than expected would leave the read waiting for ever: closing the stream ends it.
        CompletableFuture.delayedExecutor(20, TimeUnit.SECONDS).execute(() -> closeQuietly(lines));
        try (lines) {
            List<String[]> events = new ArrayList<>();
            String id = null;
            while (events.size() < count) {
                String line = lines.readLine();
                assertThat(line).as("the stream ended after %d events", events.size()).isNotNull();
                if (line.startsWith("id:")) {
                    id = line.substring("id:".length()).strip();
                } else if (line.startsWith("data:")) {
                    events.add(new String[] {id, line.substring("data:".length()).strip()});
                    id = null;
                }
            }
            return events;
        }
    }

    @Test
    void fiftyClientsAtOnceEachGetTheWholeTurn() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hello ", "there."))) {
            List<BufferedReader> clients = new ArrayList<>();
            for (int client = 0; client < 50; client++) {
                HttpResponse<InputStream> stream = api.http.send(api.request("/events")
                        .timeout(java.time.Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
                assertThat(readEvents(lines, 1).getFirst()).contains("\"type\":\"connected\"");
                clients.add(lines);
            }

            assertThat(api.ask("Hi").statusCode()).isEqualTo(200);

            for (BufferedReader lines : clients) {
                assertThat(ApiHarness.types(readEvents(lines, WHOLE_TURN.size()))).containsExactlyElementsOf(WHOLE_TURN);
                lines.close();
            }
        }
    }

    @Test
    void closingTheServerEndsTheStreamsAndStopsTheRunningAsk() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Slow.").firstAfter(10_000))) {
            HttpResponse<InputStream> stream = api.http.send(api.request("/events").timeout(java.time.Duration.ofMinutes(1))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            assertThat(readEvents(lines, 1).getFirst()).contains("\"type\":\"connected\"");
            CompletableFuture<?> thinking = api.entering(dev.parley.voice.VoiceState.THINKING);
            CompletableFuture<HttpResponse<String>> ask = api.http.sendAsync(api.request("/ask")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"Hi\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            ApiHarness.await(thinking);

            api.server.close();

            List<String> rest = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                rest.add(line);
            }
            assertThat(String.join("\n", rest)).contains("\"to\":\"thinking\"");
            assertThat(ApiHarness.await(ask).statusCode()).isEqualTo(409); // stopped, answered, not dropped
        }
    }

    private static List<String> readEvents(BufferedReader lines, int count) throws java.io.IOException {
        List<String> events = new ArrayList<>();
        while (events.size() < count) {
            String line = lines.readLine();
            if (line.startsWith("data:")) {
                events.add(line.substring("data:".length()).strip());
            }
        }
        return events;
    }

    @Test
    void anOverflowingClientLosesItsOldestEventsAndIsToldHowMany() throws Exception {
        EventClient client = new EventClient(2, false, 0, java.time.Clock.systemUTC());
        client.offer(1, "{\"seq\":1}");
        client.offer(2, "{\"seq\":2}");
        client.offer(3, "{\"seq\":3}");
        client.offer(4, "{\"seq\":4}");

        assertThat(client.next(0).json()).contains("\"type\":\"dropped\"", "\"count\":2");
        assertThat(client.next(0).json()).isEqualTo("{\"seq\":3}");
        assertThat(client.next(0).json()).isEqualTo("{\"seq\":4}");
        assertThat(client.next(0)).isEqualTo(EventClient.IDLE);
        client.close();
        assertThat(client.next(0)).isNull();
    }
}
