package dev.parley.ui.main;

import static dev.parley.ui.FxLookup.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.llm.ApiKeys;
import dev.parley.llm.LanguageModels;
import dev.parley.pipeline.EndingNotices;
import dev.parley.pipeline.TurnRunner;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeHttpServer.Response;
import dev.parley.testing.OpenAiStreams;
import dev.parley.text.SentenceChunker;
import dev.parley.ui.DesktopUi;
import dev.parley.ui.Tasks;
import dev.parley.ui.Theme;
import dev.parley.ui.settings.FakeSettings;
import dev.parley.usage.UsageLedger;
import dev.parley.voice.TurnController;
import dev.parley.voice.VoiceEventBus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An answer the provider ended early, in the window: the real turn controller and runner, the real
 * OpenAI client over HTTP to a local server that ends its stream with {@code finish_reason}
 * "length" or "content_filter"; under the answer the transcript says why it may not be whole.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CutShortAnswerWindowTest {

    @TempDir
    static Path folder;

    /** The finish reason the server's next stream ends with. */
    private volatile String finishReason = "length";
    private FakeHttpServer server;
    private TurnController assistant;

    @Start
    void start(Stage stage) throws Exception {
        server = new FakeHttpServer().on("POST", "/v1/chat/completions",
                request -> new Response(200, "text/event-stream", OpenAiStreams.textThenStop(finishReason)));
        var model = new LanguageModels(new ApiKeys(Map.<String, String>of()::get), folder.resolve("models"))
                .create("local", new ProviderConfig(ProviderType.OPENAI_COMPATIBLE, server.url() + "/v1", "scripted",
                        null, null, null, 10));
        var threads = Thread.ofPlatform().daemon(true).factory();
        assistant = new TurnController(new VoiceEventBus(),
                new TurnRunner(model, null, new SentenceChunker.Settings(3, 200), threads), new Conversation(""),
                threads);
        Path home = Files.createTempDirectory(folder, "home");
        DesktopUi ui = DesktopUi.create(assistant, new FakeProviders(0), new FakeSettings(home.resolve("config.yaml"), 0),
                new ConversationStore(home.resolve("conversations")), () -> new Conversation(""),
                new UsageLedger(home.resolve("usage.jsonl")), Tasks.forFx());
        Theme.apply("light");
        new MainWindow(ui, stage);
        stage.show();
        ui.main().load(List.of());
    }

    @AfterEach
    void close() {
        assistant.close();
        server.close();
    }

    private static List<Label> notes(FxRobot robot) {
        return robot.lookup(".bubble.assistant .ending-note").<Label>queryAll().stream().filter(Label::isVisible).toList();
    }

    private static void ask(FxRobot robot, String question) {
        robot.clickOn("#text-input").write(question).type(KeyCode.ENTER);
    }

    @Test
    void anAnswerCutShortAtMaxTokensShowsANoteUnderIt(FxRobot robot) throws Exception {
        finishReason = "length";

        ask(robot, "How do I bake bread?");

        waitUntil(() -> notes(robot).size() == 1);
        assertThat(notes(robot).getFirst().getText()).isEqualTo(EndingNotices.CUT_SHORT);
        Label answer = robot.lookup(".bubble.assistant .body").query();
        assertThat(answer.getText()).isEqualTo("Here is how");
    }

    @Test
    void anAnswerTheSafetyFilterStoppedShowsANoteUnderIt(FxRobot robot) throws Exception {
        finishReason = "content_filter";

        ask(robot, "How do I pick a lock?");

        waitUntil(() -> notes(robot).size() == 1);
        assertThat(notes(robot).getFirst().getText()).isEqualTo(EndingNotices.FILTERED);
    }

    @Test
    void anAnswerThatEndedAsTheModelChoseHasNoNote(FxRobot robot) throws Exception {
        finishReason = "stop";

        ask(robot, "How do I boil an egg?");

        waitUntil(() -> robot.lookup(".bubble.assistant .body").<Label>queryAll().stream()
                .anyMatch(body -> body.getText().equals("Here is how")));
        assertThat(notes(robot)).isEmpty();
    }
}
