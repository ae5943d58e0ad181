package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceEvent;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asks in other conversations than the open one, raced by what a second client does meanwhile: a stop,
 * a delete. Each was found by a hostile tester: a stop that reached the request's thread as it wrote
 * the answer cut the connection (no status at all); a delete said 204 and the turn saved the
 * conversation again.
 */
class ApiOtherConversationRacesTest {

    @TempDir
    Path folder;

    @Test
    void aStopRacingAnAskAlwaysLeavesTheCallerAnAnswer() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi", " there."))) {
            for (int i = 0; i < 40; i++) {
                CompletableFuture<HttpResponse<String>> asked = api.http.sendAsync(api.request("/ask")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Hello\",\"conversation\":\"racer\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                Thread.sleep(ThreadLocalRandom.current().nextInt(0, 40));
                api.send("POST", "/stop?conversation=racer", "");

                HttpResponse<String> answer = ApiHarness.await(asked); // a cut connection throws here
                assertThat(answer.statusCode()).as(answer.body()).isIn(200, 409);
            }
        }
    }

    @Test
    void aConversationAnsweringAnAskIsNotDeletedUnderIt() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."),
                Reply.of("One", " two", " three").delayedBy(300))) {
            assertThat(api.send("POST", "/ask", "{\"text\":\"First\",\"conversation\":\"garden\"}").statusCode())
                    .isEqualTo(200);
            CompletableFuture<VoiceEvent> firstWords = api.first(event -> event instanceof VoiceEvent.Reply reply
                    && reply.event() instanceof TurnEvent.Text);
            CompletableFuture<HttpResponse<String>> asked = api.http.sendAsync(api.request("/ask")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Second\",\"conversation\":\"garden\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            ApiHarness.await(firstWords);

            HttpResponse<String> deleted = api.send("DELETE", "/conversations/garden", "");

            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(409);
            assertThat(deleted.body()).contains("conversation-open", "/stop?conversation=garden");
            assertThat(ApiHarness.await(asked).statusCode()).isEqualTo(200);
            assertThat(api.send("DELETE", "/conversations/garden", "").statusCode()).as("once it answered")
                    .isEqualTo(204);
            assertThat(api.get("/conversations/garden").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aFailedStreamedAskSaysItsErrorOnce() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.error(500, "The model broke."))) {
            HttpResponse<String> response = api.http.send(api.request("/ask").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Hi\",\"conversation\":\"garden\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.body().split("event:error", -1)).as(response.body()).hasSize(2);
        }
    }
}
