package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ToolsConfig;
import dev.parley.config.Vision;
import dev.parley.conversation.Message;
import dev.parley.image.ImageException;
import dev.parley.image.ImagePreparer;
import dev.parley.image.TurnImage;
import dev.parley.testing.TestImages;
import dev.parley.tools.Calculator;
import dev.parley.tools.ScreenLook;
import dev.parley.tools.ToolConfirmer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code look_at_screen} in the tool loop over real HTTP: the screenshot follows the tool result as
 * an image for a model that can see; a model that cannot see is not offered it; the user is asked
 * once under {@code screen: ask}; deny never offers it.
 */
class ScreenToolOverHttpTest {

    private final TurnImage screen = new ImagePreparer(ImagePreparer.DEFAULT_MAX_SIDE)
            .prepare(TestImages.png(64, 40), "the screenshot");
    private final AtomicInteger asked = new AtomicInteger();

    private LanguageModel model(ScriptedLlmServer server, Vision vision, String screenSetting, boolean userSaysYes,
            ScreenLook tool) {
        ToolConfirmer confirmer = (name, arguments) -> {
            asked.incrementAndGet();
            return userSaysYes;
        };
        ToolRunner runner = new ToolRunner(List.of(new Calculator(), tool),
                new ToolsConfig(true, 5, 5, List.of(), screenSetting), confirmer);
        ProviderConfig provider = ScriptedProviders.config(Protocol.OPENAI, server.baseUrl(), 10).withVision(vision);
        return new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get), Path.of("target/test-llm-models"))
                .withTools(runner).create("local", provider);
    }

    private ScreenLook capturing() {
        return new ScreenLook(() -> screen);
    }

    private static List<String> offeredTools(JsonNode request) {
        return request.path("tools").findValuesAsText("name");
    }

    @Test
    void theScreenshotFollowsTheToolResultForAModelThatCanSee() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.toolCall(ScreenLook.NAME, "{}"),
                Reply.of("An error dialog."))) {
            LlmReply reply = model(server, Vision.TRUE, "allow", true, capturing())
                    .reply(List.of(Message.user("What's this error on my screen?")), ReplyListener.IGNORE);

            assertThat(reply.text()).isEqualTo("An error dialog.");
            assertThat(offeredTools(server.requests().getFirst())).contains(ScreenLook.NAME, "calculate");
            JsonNode messages = server.requests().get(1).path("messages");
            assertThat(messages.get(messages.size() - 2).path("role").asText()).isEqualTo("tool");
            JsonNode last = messages.get(messages.size() - 1);
            assertThat(last.path("role").asText()).isEqualTo("user");
            assertThat(last.path("content").get(1).path("image_url").path("url").asText())
                    .isEqualTo("data:image/png;base64," + screen.base64());
            assertThat(asked).hasValue(0);
        }
    }

    @Test
    void aModelThatCannotSeeIsNotOfferedTheScreen() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("I cannot look."))) {
            model(server, Vision.FALSE, "allow", true, capturing()).reply(List.of(Message.user("Look at my screen")),
                    ReplyListener.IGNORE);

            assertThat(offeredTools(server.requests().getFirst())).contains("calculate").doesNotContain(ScreenLook.NAME);
        }
    }

    @Test
    void aToolNameTheModelMadeUpIsAnsweredWithTheToolsItWasOfferedOnly() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.toolCall("teleport", "{}"),
                Reply.of("I cannot do that."))) {
            model(server, Vision.FALSE, "allow", true, capturing()).reply(List.of(Message.user("Beam me up")),
                    ReplyListener.IGNORE);

            JsonNode messages = server.requests().get(1).path("messages");
            assertThat(messages.get(messages.size() - 1).path("content").asText())
                    .isEqualTo("error: there is no tool named 'teleport'; available: calculate");
        }
    }

    @Test
    void denyNeverOffersIt() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("No."))) {
            model(server, Vision.TRUE, "deny", true, capturing()).reply(List.of(Message.user("Look")),
                    ReplyListener.IGNORE);

            assertThat(offeredTools(server.requests().getFirst())).doesNotContain(ScreenLook.NAME);
        }
    }

    @Test
    void askAsksTheFirstTimeOnly() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.toolCall(ScreenLook.NAME, "{}"),
                Reply.toolCall(ScreenLook.NAME, "{}"), Reply.of("Seen twice."))) {
            LlmReply reply = model(server, Vision.TRUE, "ask", true, capturing())
                    .reply(List.of(Message.user("Look twice")), ReplyListener.IGNORE);

            assertThat(reply.text()).isEqualTo("Seen twice.");
            assertThat(asked).hasValue(1);
            assertThat(server.requests().get(2).toString()).contains(screen.base64());
        }
    }

    @Test
    void aRefusalOrNoDisplayIsWhatTheModelReads() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.toolCall(ScreenLook.NAME, "{}"),
                Reply.of("Sorry."))) {
            model(server, Vision.TRUE, "allow", true, new ScreenLook(() -> {
                throw new ImageException("There is no screen to capture here (no display).");
            })).reply(List.of(Message.user("Look")), ReplyListener.IGNORE);

            JsonNode messages = server.requests().get(1).path("messages");
            assertThat(messages.get(messages.size() - 1).path("content").asText())
                    .isEqualTo("error: There is no screen to capture here (no display).");
        }
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.toolCall(ScreenLook.NAME, "{}"),
                Reply.of("Okay."))) {
            model(server, Vision.TRUE, "ask", false, capturing()).reply(List.of(Message.user("Look")),
                    ReplyListener.IGNORE);

            assertThat(server.requests().get(1).toString()).contains("the user did not confirm this call")
                    .doesNotContain(screen.base64());
        }
    }
}
