package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.logging.LogLevels;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.ProviderConfig;
import dev.parley.config.Vision;
import dev.parley.conversation.Message;
import dev.parley.image.ImagePreparer;
import dev.parley.image.TurnImage;
import dev.parley.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The debug line per request, read back from the real log file: it appears only at debug, names the
 * URL, model, message count and image sizes, and never the key or its header.
 */
class RequestLogTest {

    private static final String KEY = "sk-requestLogSecret0123456789abcdef";
    private static final Path LOG = Path.of(System.getProperty("parley.log.dir", "target/test-logs"))
            .resolve("parley.log");

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.of(ScriptedProviders.KEY_VARIABLE, KEY)::get),
            Path.of("target/test-llm-models"));
    private final ImagePreparer preparer = new ImagePreparer(ImagePreparer.DEFAULT_MAX_SIDE);
    private final TurnImage png = preparer.prepare(TestImages.png(64, 48), "small.png");
    private final TurnImage jpeg = preparer.prepare(TestImages.jpeg(80, 60), "small.jpg");

    @AfterEach
    void backToInfo() {
        LogLevels.apply("info");
    }

    /** What the log file gained while {@code ask} ran. */
    private String logDuring(Runnable ask) throws Exception {
        long before = Files.exists(LOG) ? Files.size(LOG) : 0;
        ask.run();
        byte[] all = Files.readAllBytes(LOG);
        return new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
    }

    private void ask(ScriptedLlmServer server) {
        ProviderConfig provider = ScriptedProviders.config(Protocol.OPENAI, server.baseUrl(), 5).withVision(Vision.TRUE);
        LlmReply reply = models.create("local", provider).reply(List.of(Message.system("Be brief."),
                Message.user("What is in these?", List.of(png, jpeg))), ReplyListener.IGNORE);
        assertThat(reply.text()).isEqualTo("A circle.");
    }

    @Test
    void atDebugEachRequestIsOneLineWithUrlModelMessagesAndImageSizes() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("A circle."))) {
            LogLevels.apply("debug");
            String log = logDuring(() -> ask(server));

            assertThat(log).contains("Request to 'local' (openai-compatible): POST " + server.baseUrl() + ", model scripted, "
                    + "2 messages, 2 images [" + png.size() + ", " + jpeg.size() + "] bytes");
            assertThat(log).containsPattern("Reply from 'local': first text after \\d+ ms, done after \\d+ ms");
            assertThat(log).doesNotContain(KEY).doesNotContainIgnoringCase("authorization");
        }
    }

    @Test
    void atInfoNoRequestLineIsWritten() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("A circle."))) {
            LogLevels.apply("info");
            String log = logDuring(() -> ask(server));

            assertThat(log).doesNotContain("Request to 'local'").doesNotContain("Reply from 'local'");
        }
    }
}
