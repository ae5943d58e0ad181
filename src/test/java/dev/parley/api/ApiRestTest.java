package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.FakeRecognizer;
import dev.parley.testing.FakeSynthesizer;
import dev.parley.testing.SpeakerlessOutput;
import dev.parley.voice.RecordedSpeech;
import dev.parley.voice.VoiceState;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST endpoints over real HTTP against a scripted provider. */
class ApiRestTest {

    @TempDir
    Path folder;

    @Test
    void healthSaysOkAndTheVersion() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            JsonNode health = ApiJson.MAPPER.readTree(api.get("/health").body());

            assertThat(health.path("status").asText()).isEqualTo("ok");
            assertThat(health.path("version").asText()).isNotBlank();
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            JsonNode openApi = ApiJson.MAPPER.readTree(api.get("/openapi.json").body());

            assertThat(openApi.path("openapi").asText()).isEqualTo("3.1.0");
            assertThat(openApi.path("paths").fieldNames()).toIterable().containsExactlyInAnyOrder("/health",
                    "/openapi.json", "/providers", "/providers/active", "/providers/detect", "/providers/{name}/test", "/ask", "/speak", "/transcribe", "/stop",
                    "/talk/start", "/talk/stop", "/conversations", "/conversations/{id}", "/usage", "/events", "/ws");
        }
    }

    @Test
    void providersAreListedWithHealthButNeverTheirKeys() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            HttpResponse<String> response = api.get("/providers");
            JsonNode providers = ApiJson.MAPPER.readTree(response.body());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(providers).hasSize(3);
            JsonNode local = providers.get(0);
            assertThat(local.path("name").asText()).isEqualTo("local");
            assertThat(local.path("type").asText()).isEqualTo("openai-compatible");
            assertThat(local.path("model").asText()).isEqualTo("scripted");
            assertThat(local.path("baseUrl").asText()).isEqualTo(api.llm.baseUrl());
            assertThat(local.path("active").asBoolean()).isTrue();
            assertThat(local.path("health").path("healthy").asBoolean()).isTrue();
            assertThat(local.path("health").path("key").asText()).isEqualTo("set");
            assertThat(providers.get(1).path("health").path("reachable").asBoolean()).isFalse();
            assertThat(response.body()).doesNotContain(ApiHarness.SECRET_KEY);
        }
    }

    @Test
    void switchingIsRefusedForUnknownAndFailingProvidersAndTakesAHealthyOne() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            assertThat(api.send("PUT", "/providers/active", "{\"name\":\"nobody\"}").statusCode()).isEqualTo(404);

            HttpResponse<String> refused = api.send("PUT", "/providers/active", "{\"name\":\"dead\"}");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("Still using local");
            assertThat(api.model.name()).isEqualTo("local");

            HttpResponse<String> switched = api.send("PUT", "/providers/active", "{\"name\":\"other\"}");
            assertThat(switched.statusCode()).isEqualTo(200);
            assertThat(switched.body()).contains("\"active\":\"other\"");
            assertThat(api.model.name()).isEqualTo("other");
        }
    }

    @Test
    void aSwitchDuringAStreamingAskKeepsTheContextAndTheNextTurnUsesTheNewProvider() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("First ", "answer.").firstAfter(1000))) {
            CompletableFuture<?> thinking = api.entering(VoiceState.THINKING);
            CompletableFuture<HttpResponse<String>> streaming = api.http.sendAsync(api.request("/ask")
                    .header("Accept", "text/event-stream")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"one\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            ApiHarness.await(thinking);
            // Thinking comes before the request: a switch in between would answer the first turn too.
            assertThat(ApiHarness.eventually(() -> !api.llm.requests().isEmpty(), 5000)).as("asked").isTrue();

            assertThat(api.send("PUT", "/providers/active", "{\"name\":\"other\"}").statusCode()).isEqualTo(200);
            assertThat(ApiHarness.await(streaming).body()).contains("event:done", "First answer.");

            JsonNode next = ApiJson.MAPPER.readTree(api.ask("two").body());
            assertThat(next.path("reply").asText()).isEqualTo("From other.");
            assertThat(next.path("provider").asText()).isEqualTo("other");
            // The new provider got the whole conversation: the first question and its answer.
            assertThat(api.otherLlm.requests().getLast().toString()).contains("one", "First answer.", "two");
        }
    }

    @Test
    void aProviderTestAsksForOneWord() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("ready"))) {
            JsonNode result = ApiJson.MAPPER.readTree(api.send("POST", "/providers/local/test", "").body());

            assertThat(result.path("ok").asBoolean()).isTrue();
            assertThat(result.path("reply").asText()).isEqualTo("ready");
            assertThat(api.send("POST", "/providers/nobody/test", "").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void detectNamesTheApiAndRefusesWhatIsNotAnHttpUrl() throws Exception {
        try (ApiHarness api = new ApiHarness(folder)) {
            HttpResponse<String> found = api.send("POST", "/providers/detect",
                    "{\"baseUrl\":\"" + api.llm.baseUrl() + "\"}");
            HttpResponse<String> notHttp = api.send("POST", "/providers/detect", "{\"baseUrl\":\"ftp://x\"}");
            HttpResponse<String> silent = api.send("POST", "/providers/detect",
                    "{\"baseUrl\":\"http://127.0.0.1:9\"}");

            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            assertThat(ApiJson.MAPPER.readTree(found.body()).path("type").asText()).isEqualTo("openai-compatible");
            HttpResponse<String> withCredentials = api.send("POST", "/providers/detect",
                    "{\"baseUrl\":\"" + api.llm.baseUrl().replace("://", "://ann:sk-secret-in-url@") + "\"}");
            assertThat(withCredentials.body()).as("keys never in an answer").doesNotContain("sk-secret-in-url")
                    .contains("://***@");
            assertThat(notHttp.statusCode()).isEqualTo(422);
            assertThat(ApiJson.MAPPER.readTree(notHttp.body()).path("detail").asText()).contains("not an http(s) URL");
            for (String noAddress : List.of("http://", "http://[::1", "http://localhost:0")) {
                HttpResponse<String> refused = api.send("POST", "/providers/detect",
                        "{\"baseUrl\":\"" + noAddress + "\"}");
                assertThat(refused.statusCode()).as(noAddress).isEqualTo(422);
            }
            assertThat(silent.statusCode()).isEqualTo(502);
            assertThat(ApiJson.MAPPER.readTree(silent.body()).path("detail").asText()).contains("Nothing answers");
        }
    }

    @Test
    void anAskReturnsTheReplyAndKeepsItInTheConversation() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hello ", "there."))) {
            HttpResponse<String> response = api.ask("Hi");
            JsonNode reply = ApiJson.MAPPER.readTree(response.body());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(reply.path("reply").asText()).isEqualTo("Hello there.");
            assertThat(reply.path("provider").asText()).isEqualTo("local");
            assertThat(reply.path("finishReason").asText()).isEqualTo("stop");
            assertThat(reply.has("timings")).isTrue();
            assertThat(api.assistant.conversation().turnCount()).isEqualTo(2); // the question and the answer
        }
    }

    @Test
    void anAskWithoutTextOrWithTooMuchIsRefused() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            assertThat(api.send("POST", "/ask", "{\"text\":\"  \"}").statusCode()).isEqualTo(400);
            assertThat(api.send("POST", "/ask", "not json").statusCode()).isEqualTo(400);
            HttpResponse<String> tooLong = api.send("POST", "/ask", "{\"text\":\"" + "word ".repeat(200_001) + "\"}");
            assertThat(tooLong.statusCode()).isEqualTo(413);
            assertThat(tooLong.body()).contains("at most 1000000 characters");

            HttpResponse<String> misspelt = api.send("POST", "/ask", "{\"text\":\"hi\",\"conversaton\":\"kitchen\"}");
            assertThat(misspelt.statusCode()).as("not asked in the open conversation instead").isEqualTo(400);
            assertThat(misspelt.body()).contains("\\\"conversaton\\\" that this request does not take",
                    "\\\"conversation\\\"");
            assertThat(api.llm.requests()).as("no model was asked").isEmpty();
            assertThat(api.send("PUT", "/providers/active", "{\"name\":\"local\",\"force\":true}").statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void anAskStreamsAsServerSentEvents() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hello ", "there.").thinkingFirst("Hmm."))) {
            HttpResponse<String> response = api.http.send(api.request("/ask").header("Accept", "text/event-stream")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"Hi\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(response.body().lines().filter(line -> line.startsWith("event:")).map(String::strip).toList())
                    .containsSubsequence("event:started", "event:reasoning", "event:text", "event:done")
                    .startsWith("event:started").last().isEqualTo("event:done");
            assertThat(response.body()).contains("\"reply\":\"Hello there.\"");
        }
    }

    /**
     * A caller that asks for a streamed answer and never reads it: its socket fills and the server's
     * writes block. Before, the ask kept its place until that caller hung up, and every other ask was
     * refused (409) — for as long as it kept the connection open.
     */
    @Test
    void aStreamedAskWhoseCallerStopsReadingDoesNotHoldUpTheNextAsk() throws Exception {
        String[] pieces = new String[100_000]; // ~4 MB of events, more than the sockets' buffers hold
        Arrays.fill(pieces, "x");
        try (ApiHarness api = new ApiHarness(folder, Reply.of(pieces), Reply.of("Second."))) {
            CompletableFuture<?> answered = api.entering(VoiceState.IDLE);
            try (Socket stuck = new Socket()) {
                stuck.setReceiveBufferSize(4096); // a reader that takes nothing: the server's writes soon block
                stuck.connect(new InetSocketAddress("127.0.0.1", api.server.port()));
                String body = "{\"text\":\"Talk a lot\",\"speak\":false}";
                stuck.getOutputStream().write(("POST /api/v1/ask HTTP/1.1\r\nHost: 127.0.0.1:" + api.server.port()
                        + "\r\nAuthorization: Bearer " + api.token.value() + "\r\nAccept: text/event-stream\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                ApiHarness.await(answered); // the turn ended; its events are still being written

                HttpResponse<String> next = api.http.send(api.request("/ask")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"And now?\",\"speak\":false}"))
                        .build(), HttpResponse.BodyHandlers.ofString());

                assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
                assertThat(next.body()).contains("\"reply\":\"Second.\"");
            }
        }
    }

    @Test
    void aSecondAskWhileOneRunsIsAConflict() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Slow.").firstAfter(10_000))) {
            CompletableFuture<?> thinking = api.entering(VoiceState.THINKING);
            CompletableFuture<HttpResponse<String>> first = api.http.sendAsync(api.request("/ask")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"one\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            ApiHarness.await(thinking);

            HttpResponse<String> second = api.ask("two");
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(ApiJson.MAPPER.readTree(second.body()).path("code").asText()).as("retry").isEqualTo("busy");
            assertThat(second.headers().firstValue("Retry-After")).contains("1");

            assertThat(api.send("POST", "/stop", "").statusCode()).isEqualTo(204);
            HttpResponse<String> stopped = ApiHarness.await(first);
            assertThat(stopped.statusCode()).isEqualTo(409);
            assertThat(ApiJson.MAPPER.readTree(stopped.body()).path("code").asText()).as("do not retry")
                    .isEqualTo("stopped");
            assertThat(stopped.headers().firstValue("Retry-After")).isEmpty();
        }
    }

    @Test
    void pushToTalkWithoutAMicrophoneSaysHowToGetOne() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            HttpResponse<String> response = api.send("POST", "/talk/start", "");

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.body()).contains("--voice");
        }
    }

    /** No speaker can be opened (none plugged in, the sound server gone): said, not answered with a silent 200. */
    @Test
    void withoutASpeakerSpeakIsRefusedAndASpokenAskIsAnsweredWithAWarning() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("It is sunny."))) {
            FakeSynthesizer voice = new FakeSynthesizer(100);
            api.assistant.useVoice(new RecordedSpeech(new FakeRecognizer(), () -> voice.synthesize("hello")),
                    new SpeakerlessOutput(voice));

            HttpResponse<String> speak = api.send("POST", "/speak", "{\"text\":\"The laundry is done.\"}");
            assertThat(speak.statusCode()).as(speak.body()).isEqualTo(503);
            assertThat(speak.body()).contains("Not spoken", "Nothing could be said: No audio output device found.");

            HttpResponse<String> ask = api.send("POST", "/ask", "{\"text\":\"Weather?\",\"speak\":true}");
            assertThat(ask.statusCode()).as(ask.body()).isEqualTo(200);
            JsonNode answer = ApiJson.MAPPER.readTree(ask.body());
            assertThat(answer.path("reply").asText()).isEqualTo("It is sunny.");
            assertThat(answer.path("warning").asText())
                    .isEqualTo("The answer is shown but not spoken: No audio output device found.");
        }
    }

    @Test
    void conversationsAreSearchedByWhatWasSaid() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Boil it for nine minutes."))) {
            api.ask("How long for a hard egg?");
            api.components.conversationStore().save("kitchen", api.assistant.conversation());
            api.components.conversationStore().save("Nine lives", api.assistant.conversation());

            JsonNode found = ApiJson.MAPPER.readTree(api.get("/conversations?q=NINE%20minutes").body());
            HttpResponse<String> none = api.get("/conversations?q=zebra");
            HttpResponse<String> blank = api.get("/conversations?q=%20");
            HttpResponse<String> huge = api.get("/conversations?q=" + "a".repeat(201));

            assertThat(found).extracting(row -> row.path("id").asText() + "|" + row.path("snippet").asText())
                    .containsExactlyInAnyOrder("kitchen|Boil it for nine minutes.", "Nine lives|Boil it for nine minutes.");
            assertThat(none.body()).isEqualTo("[]");
            assertThat(blank.statusCode()).isEqualTo(400);
            assertThat(huge.statusCode()).isEqualTo(400);
            assertThat(huge.body()).contains("1 to 200 characters");
        }
    }

    @Test
    void conversationsAndUsageAreServed() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            api.ask("Hello");
            api.components.conversationStore().save("kitchen", api.assistant.conversation());

            assertThat(api.get("/conversations").body()).contains("\"id\":\"kitchen\"");
            assertThat(api.get("/conversations/kitchen").body()).contains("Hello");
            assertThat(api.get("/conversations/nobody").statusCode()).isEqualTo(404);
            assertThat(api.get("/conversations/..%2Fsecret").statusCode()).isIn(400, 404);
            assertThat(api.send("DELETE", "/conversations/kitchen", "").statusCode()).isEqualTo(204);
            assertThat(api.get("/conversations/kitchen").statusCode()).isEqualTo(404);

            // The open one would be saved again by its next turn: refused, and kept.
            api.components.conversationStore().save(ApiHarness.OPEN, api.assistant.conversation());
            HttpResponse<String> open = api.send("DELETE", "/conversations/" + ApiHarness.OPEN, "");
            assertThat(open.statusCode()).isEqualTo(409);
            assertThat(open.body()).contains("is the conversation this Parley has open");
            assertThat(api.get("/conversations/" + ApiHarness.OPEN).statusCode()).isEqualTo(200);

            // A damaged file is never served as JSON.
            java.nio.file.Files.writeString(api.components.conversationStore().fileFor("kitchen"), "{not json");
            HttpResponse<String> damaged = api.get("/conversations/kitchen");
            assertThat(damaged.statusCode()).isEqualTo(500);
            assertThat(damaged.body()).contains("is not valid JSON");
            // Read whole, a file far larger than any conversation exhausted the memory: a bare 500.
            try (var huge = java.nio.channels.FileChannel.open(api.components.conversationStore().fileFor("kitchen"),
                    java.nio.file.StandardOpenOption.WRITE)) {
                huge.write(java.nio.ByteBuffer.wrap(new byte[1]), 3L * Integer.MAX_VALUE); // sparse: 6 GB
            }
            HttpResponse<String> huge = api.get("/conversations/kitchen");
            assertThat(huge.statusCode()).isEqualTo(500);
            assertThat(huge.body()).contains("Damaged conversation", "more than the 134,217,728 Parley reads from it");

            JsonNode usage = ApiJson.MAPPER.readTree(api.get("/usage?days=7").body());
            assertThat(usage.path("days").asInt()).isEqualTo(7);
            assertThat(usage.path("providers").get(0).path("requests").asInt()).isEqualTo(1);
            assertThat(usage.path("budget").path("currency").asText()).isEqualTo("USD");
            assertThat(usage.path("budget").path("overall").path("daily").has("spent_usd")).isTrue();
            assertThat(api.get("/usage?days=zero").statusCode()).isEqualTo(400);
        }
    }
}
