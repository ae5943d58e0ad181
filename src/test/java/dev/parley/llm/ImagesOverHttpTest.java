package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.LlmConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.Vision;
import dev.parley.conversation.Message;
import dev.parley.image.ImagePreparer;
import dev.parley.image.TurnImage;
import dev.parley.testing.TestImages;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Images as each real client puts them on the wire, over real HTTP against the scripted server:
 * OpenAI-compatible image_url data URIs, Anthropic image blocks with a base64 source, Gemini inline
 * data, Ollama's images list; and a model that cannot see gets no request at all.
 */
class ImagesOverHttpTest {

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
            Path.of("target/test-llm-models"));
    private final ImagePreparer preparer = new ImagePreparer(ImagePreparer.DEFAULT_MAX_SIDE);
    private final TurnImage png = preparer.prepare(TestImages.png(64, 48), "small.png");
    private final TurnImage jpeg = preparer.prepare(TestImages.jpeg(80, 60), "small.jpg");

    private JsonNode lastMessageSent(Protocol protocol, String field) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("A circle."))) {
            ProviderConfig provider = ScriptedProviders.config(protocol, server.baseUrl(), 5).withVision(Vision.TRUE);
            LlmReply reply = models.create("local", provider).reply(List.of(Message.system("Be brief."),
                    Message.user("What is in these?", List.of(png, jpeg))), ReplyListener.IGNORE);

            assertThat(reply.text()).isEqualTo("A circle.");
            JsonNode messages = server.requests().getFirst().path(field);
            return messages.get(messages.size() - 1);
        }
    }

    @Test
    void openAiCompatibleSendsImageUrlDataUris() throws Exception {
        JsonNode content = lastMessageSent(Protocol.OPENAI, "messages").path("content");

        assertThat(content.get(0).path("type").asText()).isEqualTo("text");
        assertThat(content.get(0).path("text").asText()).isEqualTo("What is in these?");
        assertThat(content.get(1).path("type").asText()).isEqualTo("image_url");
        assertThat(content.get(1).path("image_url").path("url").asText())
                .isEqualTo("data:image/png;base64," + png.base64());
        assertThat(content.get(2).path("image_url").path("url").asText())
                .isEqualTo("data:image/jpeg;base64," + jpeg.base64());
    }

    @Test
    void anthropicSendsImageBlocksWithABase64Source() throws Exception {
        JsonNode content = lastMessageSent(Protocol.ANTHROPIC, "messages").path("content");

        assertThat(content.findValuesAsText("type")).contains("text", "image");
        JsonNode image = first(content, "image");
        assertThat(image.path("source").path("type").asText()).isEqualTo("base64");
        assertThat(image.path("source").path("media_type").asText()).isEqualTo("image/png");
        assertThat(image.path("source").path("data").asText()).isEqualTo(png.base64());
        assertThat(first(content, "text").path("text").asText()).isEqualTo("What is in these?");
    }

    @Test
    void geminiSendsInlineData() throws Exception {
        JsonNode parts = lastMessageSent(Protocol.GEMINI, "contents").path("parts");

        assertThat(parts.get(0).path("text").asText()).isEqualTo("What is in these?");
        // The REST API's inline_data, in the camel case its JSON mapping also accepts.
        JsonNode inline = parts.get(1).path("inlineData");
        assertThat(inline.path("mimeType").asText()).isEqualTo("image/png");
        assertThat(inline.path("data").asText()).isEqualTo(png.base64());
        assertThat(parts).hasSize(3);
    }

    @Test
    void ollamaSendsAnImagesList() throws Exception {
        JsonNode message = lastMessageSent(Protocol.OLLAMA, "messages");

        assertThat(message.path("content").asText()).isEqualTo("What is in these?");
        assertThat(message.path("images")).hasSize(2);
        assertThat(message.path("images").get(0).asText()).isEqualTo(png.base64());
        assertThat(message.path("images").get(1).asText()).isEqualTo(jpeg.base64());
    }

    @Test
    void aLargePictureArrivesScaledToTheMaxSide() throws Exception {
        TurnImage big = preparer.prepare(TestImages.png(4000, 2000), "big.png");
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Wide."))) {
            models.create("local", ScriptedProviders.config(Protocol.OLLAMA, server.baseUrl(), 5).withVision(Vision.TRUE))
                    .reply(List.of(Message.user("And this?", List.of(big))), ReplyListener.IGNORE);

            byte[] sent = Base64.getDecoder().decode(server.requests().getFirst().path("messages").get(0)
                    .path("images").get(0).asText());
            assertThat(TestImages.decode(sent).getWidth()).isEqualTo(1568);
            assertThat(TestImages.decode(sent).getHeight()).isEqualTo(784);
        }
    }

    @Test
    void aModelThatCannotSeeGetsNoRequest() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Never."))) {
            LanguageModel model = models.create("text-only", ScriptedProviders.config(Protocol.OPENAI, server.baseUrl(), 5));

            assertThat(model.canSee()).isFalse();
            assertThatThrownBy(() -> model.reply(List.of(Message.user("Look", List.of(png))), ReplyListener.IGNORE))
                    .isInstanceOf(LlmException.class)
                    .hasMessageContaining("cannot see images, so nothing was sent");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void imagesOfEarlierTurnsAreLeftOutForAModelThatCannotSee() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Sure."))) {
            models.create("text-only", ScriptedProviders.config(Protocol.OPENAI, server.baseUrl(), 5)).reply(List.of(
                    Message.user("Look", List.of(png)), Message.assistant("A circle."), Message.user("Thanks")),
                    ReplyListener.IGNORE);

            JsonNode first = server.requests().getFirst().path("messages").get(0);
            assertThat(first.path("content").asText()).isEqualTo("Look\n[1 image(s) not shown: this model cannot see images]");
        }
    }

    @Test
    void ollamaIsAskedWhetherItsModelCanSee() throws Exception {
        try (var seeing = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Hi")).capabilities("completion", "vision");
                var blind = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Hi"))) {
            assertThat(models.create("eyes", ScriptedProviders.config(Protocol.OLLAMA, seeing.baseUrl(), 5)).canSee())
                    .isTrue();
            assertThat(models.create("blind", ScriptedProviders.config(Protocol.OLLAMA, blind.baseUrl(), 5)).canSee())
                    .isFalse();
        }
    }

    @Test
    void anOllamaThatCannotBeAskedIsJudgedByTheModelName() {
        ProviderConfig llava = ScriptedProviders.config(Protocol.OLLAMA, ScriptedProviders.closedUrl(Protocol.OLLAMA, 9),
                5).withOverrides("llava:13b", null);

        assertThat(new ModelVision().canSee(llava)).isTrue();
    }

    @Test
    void anOllamaThatCouldNotSayIsAskedAgainOnceTheGuessIsOld() throws Exception {
        AtomicBoolean up = new AtomicBoolean();
        AtomicInteger asked = new AtomicInteger();
        HttpServer ollama = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ollama.createContext("/api/show", exchange -> {
            asked.incrementAndGet();
            byte[] body = "{\"capabilities\":[\"completion\",\"vision\"]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(up.get() ? 200 : 503, up.get() ? body.length : -1);
            if (up.get()) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        ollama.start();
        try {
            ProviderConfig eyes = ScriptedProviders.config(Protocol.OLLAMA,
                    "http://127.0.0.1:" + ollama.getAddress().getPort(), 5).withOverrides("house-eyes:7b", null);
            AtomicLong now = new AtomicLong();
            ModelVision vision = new ModelVision(Duration.ofSeconds(3), now::get);

            assertThat(vision.canSee(eyes)).as("a name not known to see, while Ollama cannot say").isFalse();
            up.set(true);
            now.addAndGet(ModelVision.ASK_AGAIN_AFTER.toNanos() - 1);
            assertThat(vision.canSee(eyes)).as("the guess stands a while").isFalse();
            now.addAndGet(1);
            assertThat(vision.canSee(eyes)).as("then Ollama is asked again").isTrue();
            now.addAndGet(ModelVision.ASK_AGAIN_AFTER.toNanos() * 10);
            assertThat(vision.canSee(eyes)).isTrue();
            assertThat(asked).as("Ollama's own answer is kept").hasValue(2);
        } finally {
            ollama.stop(0);
        }
    }

    @Test
    void theRefusalNamesAConfiguredProviderThatCan() {
        Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        providers.put("local", ScriptedProviders.config(Protocol.OPENAI, "http://127.0.0.1:9/v1", 5));
        providers.put("claude", ScriptedProviders.config(Protocol.ANTHROPIC, "http://127.0.0.1:9/v1", 5)
                .withOverrides("claude-sonnet-4-5", null));
        LlmConfig llm = new LlmConfig("local", null, providers);

        assertThat(new ModelVision().refusal("local", "scripted", llm))
                .startsWith("The model scripted of provider 'local' cannot see images, so nothing was sent.")
                .contains("Ask provider 'claude' (claude-sonnet-4-5) instead");
    }

    @Test
    void theRefusalSaysHowToConfigureOneWhenNoneCan() {
        LlmConfig llm = new LlmConfig("local", null,
                Map.of("local", ScriptedProviders.config(Protocol.OPENAI, "http://127.0.0.1:9/v1", 5)));

        assertThat(new ModelVision().refusal("local", "scripted", llm)).contains("No configured provider can")
                .contains("set vision: true");
    }

    private static JsonNode first(JsonNode blocks, String type) {
        for (JsonNode block : blocks) {
            if (type.equals(block.path("type").asText())) {
                return block;
            }
        }
        throw new AssertionError("no " + type + " block in " + blocks);
    }
}
