package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.conversation.Turn;
import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceEvent;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asks in other saved conversations, and what needs a voice or audio refused clearly where there is
 * none, over real HTTP against a scripted provider. ({@link ApiVoiceTest} speaks and transcribes for real.)
 */
class ApiTurnsTest {

    @TempDir
    Path folder;

    @Test
    void anAskInAnotherConversationAnswersThereSavesItAndLeavesTheOpenOneAlone() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Kitchen ", "reply."), Reply.of("Again."))) {
            HttpResponse<String> first = api.send("POST", "/ask", "{\"text\":\"Lights?\",\"conversation\":\"kitchen\"}");
            HttpResponse<String> second = api.send("POST", "/ask", "{\"text\":\"And now?\",\"conversation\":\"kitchen\"}");

            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            JsonNode reply = ApiJson.MAPPER.readTree(first.body());
            assertThat(reply.path("reply").asText()).isEqualTo("Kitchen reply.");
            assertThat(reply.path("conversation").asText()).isEqualTo("kitchen");
            assertThat(reply.path("timings").path("totalMs").asLong()).isPositive();
            assertThat(second.statusCode()).isEqualTo(200);
            // The second ask continued the saved conversation: the model saw the first exchange.
            assertThat(api.llm.requests().getLast().toString()).contains("Lights?").contains("Kitchen reply.");
            assertThat(api.components.conversationStore().load("kitchen").turns()).extracting(Turn::text)
                    .containsExactly("Lights?", "Kitchen reply.", "And now?", "Again.");
            assertThat(api.assistant.conversation().turnCount()).isZero();
        }
    }

    @Test
    void anAnswerThatCouldNotBeSavedIsStillTheCallersWithAWarningSayingWhy() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Kept ", "for you.").firstAfter(1_000))) {
            CompletableFuture<VoiceEvent> started = api.first(event -> event instanceof VoiceEvent.Reply reply
                    && reply.event() instanceof TurnEvent.Started);
            CompletableFuture<HttpResponse<String>> asked = api.http.sendAsync(api.request("/ask")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Lights?\",\"conversation\":\"garage\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            ApiHarness.await(started);
            // While the model thinks, a folder takes the conversation file's place: the save must fail.
            Path file = api.components.conversationStore().fileFor("garage");
            Files.createDirectories(file.resolve("in-the-way"));

            HttpResponse<String> response = ApiHarness.await(asked);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode reply = ApiJson.MAPPER.readTree(response.body());
            assertThat(reply.path("reply").asText()).isEqualTo("Kept for you.");
            assertThat(reply.path("warning").asText()).startsWith("The answer was not saved in conversation 'garage': ")
                    .contains(file.getFileName().toString());
        }
    }

    @Test
    void theOpenConversationByNameIsTheAssistantsOwn() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Open."))) {
            HttpResponse<String> response = api.send("POST", "/ask",
                    "{\"text\":\"Hi\",\"conversation\":\"" + ApiHarness.OPEN + "\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(api.assistant.conversation().turnCount()).isEqualTo(2);
            assertThat(api.components.conversationStore().exists(ApiHarness.OPEN)).isFalse();
        }
    }

    @Test
    void aSecondAskInTheSameOtherConversationIsAConflictButAnotherConversationAnswers() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Slow.").firstAfter(3000), Reply.of("Quick."))) {
            CompletableFuture<VoiceEvent> started = api.first(event -> event instanceof VoiceEvent.Reply reply && reply.event() instanceof TurnEvent.Started);
            CompletableFuture<HttpResponse<String>> first = api.http.sendAsync(api.request("/ask")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"one\",\"conversation\":\"my garden\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            ApiHarness.await(started);

            // Spelled otherwise, but saved in the same file: the same conversation, busy here, not elsewhere.
            HttpResponse<String> same = api.send("POST", "/ask", "{\"text\":\"two\",\"conversation\":\"my-garden\"}");
            HttpResponse<String> open = api.ask("three");

            assertThat(same.statusCode()).isEqualTo(409);
            assertThat(same.body()).contains("'my-garden' is answering another question");
            assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
            assertThat(ApiHarness.await(first).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void stopNamingAnotherConversationCutsOffItsAskEndsItsTurnAndKeepsWhatWasShown() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("One", " two", " three", " four").delayedBy(400))) {
            CompletableFuture<VoiceEvent> firstWords = api.first(event -> event instanceof VoiceEvent.Reply reply && reply.event() instanceof TurnEvent.Text);
            CompletableFuture<HttpResponse<String>> asked = api.http.sendAsync(api.request("/ask")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Count\",\"conversation\":\"garden\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            ApiHarness.await(firstWords);

            CompletableFuture<VoiceEvent> ended = api.first(event -> event instanceof VoiceEvent.Interrupted);
            assertThat(api.send("POST", "/stop", "").statusCode()).isEqualTo(204);
            assertThat(asked).as("a plain stop is the open conversation's").isNotDone();
            assertThat(api.send("POST", "/stop", "{\"conversaton\":\"garden\"}").statusCode()).as("misspelt")
                    .isEqualTo(400);
            assertThat(api.send("POST", "/stop?conversation=nothing-runs-here", "").statusCode()).isEqualTo(404);
            assertThat(api.send("POST", "/stop", "{\"conversation\":\"garden\"}").statusCode()).isEqualTo(204);

            HttpResponse<String> response = ApiHarness.await(asked);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(response.body()).contains("stopped");
            assertThat(((VoiceEvent.Interrupted) ApiHarness.await(ended)).heard()).as("its end on the event stream")
                    .startsWith("One");
            List<Turn> saved = api.components.conversationStore().load("garden").turns();
            assertThat(saved.getFirst().text()).isEqualTo("Count");
            assertThat(saved.getLast().interrupted()).isTrue();
        }
    }

    @Test
    void aStoppedAskInTheOpenConversationSaysWhatItHadSaid() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("One", " two", " three", " four").delayedBy(400))) {
            CompletableFuture<VoiceEvent> firstWords = api.first(event -> event instanceof VoiceEvent.Reply reply && reply.event() instanceof TurnEvent.Text);
            CompletableFuture<HttpResponse<String>> asked = api.http.sendAsync(api.request("/ask")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Count\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            ApiHarness.await(firstWords);

            assertThat(api.send("POST", "/stop", "").statusCode()).isEqualTo(204);

            HttpResponse<String> response = ApiHarness.await(asked);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(response.body()).contains("The answer was stopped after: One");
        }
    }

    @Test
    void theOpenConversationIsFoundHoweverItsNameIsSpelled() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Open."))) {
            HttpResponse<String> response = api.send("POST", "/ask", "{\"text\":\"Hi\",\"conversation\":\"open chat\"}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(api.assistant.conversation().turnCount()).isEqualTo(2);
        }
    }

    @Test
    void aConversationAnotherParleyHasOpenIsAConflict() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."));
                var other = dev.parley.conversation.ConversationLock.take(api.components.conversationStore(), "garden")) {
            HttpResponse<String> response = api.send("POST", "/ask", "{\"text\":\"Hi\",\"conversation\":\"garden\"}");

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.body()).contains("open in another Parley");
            assertThat(api.llm.requests()).isEmpty();
        }
    }

    @Test
    void aFinishedTimerIsOnTheEventStream() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.toolCall("set_timer", "{\"seconds\": 1, \"label\": \"tea\"}"),
                Reply.of("Tea timer set."))) {
            CompletableFuture<VoiceEvent> done = api.first(event -> event instanceof VoiceEvent.TimerDone);

            assertThat(api.ask("Tea in one second").statusCode()).isEqualTo(200);

            assertThat(ApiHarness.await(done)).isEqualTo(new VoiceEvent.TimerDone("tea", "Your tea timer is done.", false));
            assertThat(EventJson.of(1, java.time.Instant.EPOCH, ApiHarness.await(done)).toString())
                    .contains("\"type\":\"timer.done\"", "\"label\":\"tea\"", "\"text\":\"Your tea timer is done.\"",
                            "\"while_closed\":false");
        }
    }

    @Test
    void aTimerThatWentOffWhileParleyWasClosedIsOnTheEventStreamAtTheNextStart() throws Exception {
        // left by a Parley that is gone (no process has this id) and due an hour ago
        Instant due = Instant.now().minus(java.time.Duration.ofHours(1));
        java.nio.file.Files.createDirectories(folder.resolve("data"));
        java.nio.file.Files.writeString(folder.resolve("data/timers.json"), """
                [{"id": "a", "label": "tea", "seconds": 300, "due": "%s", "owner": {"pid": %d, "started": "%s"}}]
                """.formatted(due, Long.MAX_VALUE, Instant.EPOCH));
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            CompletableFuture<VoiceEvent> done = api.first(event -> event instanceof VoiceEvent.TimerDone);

            api.components.resumeTimers(); // as serve, chat and the window do once they listen

            VoiceEvent.TimerDone tea = (VoiceEvent.TimerDone) ApiHarness.await(done);
            assertThat(tea.whileClosed()).isTrue();
            assertThat(tea.text()).startsWith("Your 5-minute timer 'tea' went off at ").endsWith(" while Parley was closed.");
            assertThat(EventJson.of(1, Instant.EPOCH, tea).toString()).contains("\"while_closed\":true");
        }
    }

    @Test
    void badConversationNamesAndSpeakValuesAreBadRequests() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            assertThat(api.send("POST", "/ask", "{\"text\":\"Hi\",\"conversation\":\"../../etc\"}").statusCode())
                    .isEqualTo(400);
            assertThat(api.send("POST", "/ask", "{\"text\":\"Hi\",\"speak\":\"yes\"}").statusCode()).isEqualTo(400);
            assertThat(api.llm.requests()).isEmpty();
        }
    }

    @Test
    void speakingWithoutAVoiceSaysHowToGetOne() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            HttpResponse<String> speak = api.send("POST", "/speak", "{\"text\":\"The laundry is done.\"}");
            HttpResponse<String> ask = api.send("POST", "/ask", "{\"text\":\"Hi\",\"speak\":true}");

            assertThat(speak.statusCode()).isEqualTo(409);
            assertThat(speak.body()).contains("--voice", "\"code\":\"no-voice\"");
            assertThat(ask.statusCode()).isEqualTo(409);
            assertThat(ask.body()).contains("\"code\":\"no-voice\"");
            assertThat(api.llm.requests()).isEmpty();
            // Without a voice an ask answers in text, as it says nothing of speaking.
            assertThat(api.ask("Hi").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void transcribeRefusesWhatIsNotAReadableWav() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            HttpResponse<String> json = api.send("POST", "/transcribe", "{}");
            HttpResponse<String> notWav = api.http.send(api.request("/transcribe").header("Content-Type", "audio/wav")
                    .POST(HttpRequest.BodyPublishers.ofString("this is no RIFF file at all")).build(),
                    HttpResponse.BodyHandlers.ofString());
            byte[] tooLarge = new byte[(int) TranscribeRoute.MAX_AUDIO_BYTES + 1];
            HttpResponse<String> large = api.http.send(api.request("/transcribe").header("Content-Type", "audio/wav")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(tooLarge)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(json.statusCode()).isEqualTo(415);
            assertThat(json.body()).contains("audio/wav");
            assertThat(notWav.statusCode()).isEqualTo(422);
            assertThat(ApiJson.MAPPER.readTree(notWav.body()).path("detail").asText()).contains("uploaded audio")
                    .doesNotContain("sox 'The uploaded audio'");
            assertThat(large.statusCode()).isEqualTo(413);
        }
    }

    @Test
    void aSecondUploadWhileOneIsReadIsBusyAtOnce() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."));
                java.net.Socket trickling = new java.net.Socket("127.0.0.1", api.server.port())) {
            // The first upload's body comes slowly: it holds the route while it is read.
            trickling.getOutputStream().write(("POST /api/v1/transcribe HTTP/1.1\r\nHost: 127.0.0.1:" + api.server.port()
                    + "\r\nAuthorization: Bearer " + api.token.value() + "\r\nContent-Type: audio/wav\r\n"
                    + "Content-Length: 100000\r\n\r\nRIFF").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            trickling.getOutputStream().flush();
            HttpResponse<String> second;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            do { // until the first has reached the route
                second = api.http.send(api.request("/transcribe").header("Content-Type", "audio/wav")
                        .POST(HttpRequest.BodyPublishers.ofString("this is no RIFF file at all")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } while (second.statusCode() != 429 && System.nanoTime() < deadline);

            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.body()).contains("one upload at a time");
        }
    }
}
