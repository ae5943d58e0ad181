package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.Components;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.TestImages;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /ask} with {@code images}: to the model that can see, saved with the conversation, refused clearly. */
class ApiImagesTest {

    @TempDir
    Path folder;

    private static final byte[] PNG = TestImages.png(40, 30);

    private static String ask(String text, String conversation, String mediaType, String... data) {
        ObjectNode body = ApiJson.object().put("text", text);
        if (conversation != null) {
            body.put("conversation", conversation);
        }
        var images = body.putArray("images");
        for (String each : data) {
            images.addObject().put("mediaType", mediaType).put("data", each);
        }
        return body.toString();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void anAskShowsTheModelItsImages() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("A circle."))) {
            HttpResponse<String> response = api.send("POST", "/ask", ask("What is it?", null, "image/png", base64(PNG)));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ApiJson.MAPPER.readTree(response.body()).path("reply").asText()).isEqualTo("A circle.");
            JsonNode content = api.llm.requests().getFirst().path("messages").get(1).path("content");
            assertThat(content.get(1).path("image_url").path("url").asText())
                    .isEqualTo("data:image/png;base64," + base64(PNG));
            assertThat(api.assistant.conversation().turns().getFirst().images()).hasSize(1);
        }
    }

    @Test
    void anAskInAnotherConversationSavesItsImagesWithIt() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("A circle."))) {
            HttpResponse<String> response = api.send("POST", "/ask",
                    ask("What is it?", "shapes", "image/png", base64(PNG)));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            var store = api.components.conversationStore();
            assertThat(store.load("shapes").turns().getFirst().images().getFirst().bytes()).isEqualTo(PNG);
            assertThat(store.imagesFolderFor("shapes")).isDirectoryContaining(file -> file.toString().endsWith(".png"));
        }
    }

    @Test
    void aLargeImageIsScaledBeforeItIsSentAndMayTakeMoreThanAMegabyte() throws Exception {
        byte[] photo = TestImages.noisyPng(1200, 900);
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Noise."))) {
            HttpResponse<String> response = api.send("POST", "/ask", ask("And this?", null, "image/png", base64(photo)));

            assertThat(photo.length).isGreaterThan(1024 * 1024);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }

    /** Decoding a picture takes seconds of a core: an ask refused anyway is refused before it. */
    @Test
    void anInvalidConversationNameIsRefusedBeforeAnyImageIsDecoded() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Never."))) {
            HttpResponse<String> response = api.send("POST", "/ask",
                    ask("What is it?", "../outside", "image/png", base64("not a picture".getBytes())));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("outside").doesNotContain("image 1");
            assertThat(api.llm.requests()).isEmpty();
        }
    }

    /** An ask to another conversation waits for the one decoding slot; a stop then ends it unasked. */
    @Test
    void aStopWhileAnAskWaitsToDecodeItsPicturesIsA409AndNothingIsAsked() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Never."))) {
            HttpResponse<String> response;
            AskImages.DECODING.acquire(); // as if another ask were decoding a large picture
            try {
                CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
                    try {
                        return api.send("POST", "/ask", ask("What is it?", "shapes", "image/png", base64(PNG)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!AskImages.DECODING.hasQueuedThreads() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(AskImages.DECODING.hasQueuedThreads()).as("the ask waits for the slot").isTrue();

                assertThat(api.send("POST", "/stop?conversation=shapes", "").statusCode()).isEqualTo(204);
                response = waiting.get(20, TimeUnit.SECONDS);
            } finally {
                AskImages.DECODING.release();
            }

            assertProblem(response, 409, "The answer was stopped before its pictures were read; nothing was asked.");
            assertThat(api.llm.requests()).isEmpty();
            assertThat(api.send("POST", "/ask", ask("And now?", "shapes", "image/png", base64(PNG))).statusCode())
                    .as("the conversation is free again").isEqualTo(200);
        }
    }

    @Test
    void whatIsWrongWithAnImageIsA400NamingItAndNothingIsAsked() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Never."))) {
            assertProblem(api.send("POST", "/ask", ask("?", null, "image/png", "***")), 400, "image 1: data is not base64");
            assertProblem(api.send("POST", "/ask", ask("?", null, "image/bmp", base64(PNG))), 400,
                    "image 1: mediaType 'image/bmp' is not one of");
            assertProblem(api.send("POST", "/ask", ask("?", null, "image/jpeg", base64(PNG))), 400,
                    "image 1 is declared image/jpeg but its data is image/png.");
            assertProblem(api.send("POST", "/ask", ask("?", null, "image/png", base64(PNG), base64("text".getBytes()))),
                    400, "image 2 is not an image Parley can send");
            assertProblem(api.send("POST", "/ask", ask("?", null, "image/png", base64(PNG), base64(PNG), base64(PNG),
                    base64(PNG), base64(PNG))), 400, "at most 4 images (llm.images.max-count); this one has 5");
            assertProblem(api.send("POST", "/ask", "{\"text\":\"?\",\"images\":\"x\"}"), 400, "must be an array");
            assertProblem(api.send("POST", "/ask", "{\"text\":\"?\",\"images\":[{\"mediaType\":\"image/png\",\"data\":\""
                    + base64(PNG) + "\",\"detail\":\"low\"}]}"), 400, "image 1 has a field \"detail\" that an image does"
                    + " not take; it takes \"mediaType\" and \"data\".");

            assertThat(api.llm.requests()).isEmpty();
            assertThat(api.assistant.conversation().turnCount()).isZero();
        }
    }

    @Test
    void aModelThatCannotSeeIsA422NamingOneThatCan() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Never."))) {
            api.model.switchTo(api.components.languageModel(new Components.LlmChoice("other", null, null)),
                    model -> Optional.empty());

            HttpResponse<String> response = api.send("POST", "/ask", ask("Look", null, "image/png", base64(PNG)));
            // Said before any picture is decoded: this one is not even an image.
            HttpResponse<String> undecoded = api.send("POST", "/ask", ask("Look", null, "image/png", "bm90IGFuIGltYWdl"));

            assertProblem(response, 422, "The model scripted of provider 'other' cannot see images");
            assertThat(response.body()).contains("Ask provider 'local' (scripted) instead");
            assertProblem(undecoded, 422, "cannot see images");
            assertThat(api.assistant.conversation().turnCount()).isZero();
        }
    }

    @Test
    void theProviderListSaysWhichCanSee() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Hi."))) {
            JsonNode providers = ApiJson.MAPPER.readTree(api.get("/providers").body());

            assertThat(providers.get(0).path("name").asText()).isEqualTo("local");
            assertThat(providers.get(0).path("canSee").asBoolean()).isTrue();
            assertThat(providers.get(2).path("name").asText()).isEqualTo("other");
            assertThat(providers.get(2).path("canSee").asBoolean()).isFalse();
        }
    }

    @Test
    void anAskOverTwentyMegabytesIsRefused() throws Exception {
        try (ApiHarness api = new ApiHarness(folder, Reply.of("Never."))) {
            String big = ask("?", null, "image/png", "A".repeat((int) RequestGuard.MAX_ASK_BYTES));

            HttpResponse<String> response = api.send("POST", "/ask", big);

            assertProblem(response, 413, "may have at most 20 MB");
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(ApiJson.MAPPER.readTree(response.body()).path("detail").asText()).contains(detail);
    }
}
