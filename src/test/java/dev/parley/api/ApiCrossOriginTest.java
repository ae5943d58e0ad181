package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer.Reply;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web pages the user allowed ({@code api.allowed-origins}) can call the API from a browser: their
 * preflight is answered and their answers are readable; every other page gets no CORS header.
 */
class ApiCrossOriginTest {

    private static final String ALLOWED = "http://localhost:3000";

    @TempDir
    Path folder;

    @Test
    void anAllowedPagesPreflightIsAnsweredWithoutTheToken() throws Exception {
        try (ApiHarness api = ApiHarness.allowing(folder, List.of(ALLOWED), Reply.of("Hi."))) {
            HttpResponse<String> preflight = api.http.send(HttpRequest.newBuilder(api.uri("/ask"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", ALLOWED)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type").build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
                    .contains("Authorization");
        }
    }

    @Test
    void anAllowedPageReadsItsAnswersAndAnotherGetsNoCorsHeader() throws Exception {
        try (ApiHarness api = ApiHarness.allowing(folder, List.of(ALLOWED), Reply.of("Hi."))) {
            HttpResponse<String> allowed = api.http.send(api.request("/health").header("Origin", ALLOWED).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> other = api.http.send(api.request("/health").header("Origin", "https://evil.example")
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> otherPreflight = api.http.send(HttpRequest.newBuilder(api.uri("/ask"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED);
            assertThat(other.statusCode()).isEqualTo(403);
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(otherPreflight.statusCode()).isEqualTo(403);
            assertThat(otherPreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void anAllowedOriginAddressingAnotherHostGetsNoCorsHeader() throws Exception {
        try (ApiHarness api = ApiHarness.allowing(folder, List.of(ALLOWED), Reply.of("Hi."))) {
            String host = "Host: rebound.example:" + api.server.port() + "\r\nOrigin: " + ALLOWED + "\r\n";
            String preflight = rawAnswer(api, "OPTIONS /api/v1/ask HTTP/1.1\r\n" + host
                    + "Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
            String get = rawAnswer(api, "GET /api/v1/health HTTP/1.1\r\n" + host + "Authorization: Bearer "
                    + api.token.value() + "\r\nConnection: close\r\n\r\n");

            for (String answer : List.of(preflight, get)) {
                assertThat(answer).startsWith("HTTP/1.1 403").contains("Forbidden host");
                assertThat(answer.toLowerCase(Locale.ROOT)).doesNotContain("access-control-allow-origin");
            }
        }
    }

    /** The server's answer to {@code request}, up to its JSON problem's end (Java's client cannot set Host). */
    private static String rawAnswer(ApiHarness api, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            InputStream in = socket.getInputStream();
            for (int c; !answer.toString().endsWith("}") && (c = in.read()) >= 0; ) {
                answer.append((char) c);
            }
            return answer.toString();
        }
    }

    @Test
    void anAllowedPageOpensTheWebSocketAndAnotherCannot() throws Exception {
        try (ApiHarness api = ApiHarness.allowing(folder, List.of(ALLOWED), Reply.of("Hi."))) {
            URI ws = URI.create("ws://127.0.0.1:" + api.server.port() + "/api/v1/ws?token=" + api.token.value());

            CompletableFuture<WebSocket> allowed = api.http.newWebSocketBuilder().header("Origin", ALLOWED)
                    .buildAsync(ws, new WebSocket.Listener() {});
            CompletableFuture<WebSocket> other = api.http.newWebSocketBuilder().header("Origin", "https://evil.example")
                    .buildAsync(ws, new WebSocket.Listener() {});

            assertThat(allowed.get(20, TimeUnit.SECONDS)).isNotNull();
            allowed.get().sendClose(WebSocket.NORMAL_CLOSURE, "done").get(20, TimeUnit.SECONDS);
            assertThat(other).failsWithin(java.time.Duration.ofSeconds(20));
        }
    }

    @Test
    void onlyTheStreamRoutesTakeTheTokenInTheQuery() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            api.ask("Hello");
            api.components.conversationStore().save("events", api.assistant.conversation());

            HttpResponse<String> sneaky = api.http.send(HttpRequest.newBuilder(
                    api.uri("/conversations/events?token=" + api.token.value())).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(sneaky.statusCode()).isEqualTo(401);
            assertThat(api.components.conversationStore().exists("events")).isTrue();
        }
    }
}
