package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.ReplyLimitsConfig;
import dev.parley.conversation.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A provider that streams without end meets llm.reply-limits: the real clients, over real HTTP. Without
 * the limits these replies never return, so the timeout turns that into a failure.
 */
@Timeout(60)
class ReplyLimitsOverHttpTest {

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
            Path.of("target/test-llm-models"));

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void anEndlessReplyEndsAtTheCharacterLimitWithANoticeAndTheStreamStops(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("All work and no play. ").endless())) {
            StringBuilder heard = new StringBuilder();
            LanguageModel model = models.create("local", ScriptedProviders.config(protocol, server.baseUrl(), 5),
                    new ReplyLimitsConfig(1_000, 60));

            LlmReply reply = model.reply(List.of(Message.user("Talk")), heard::append);

            String notice = "(Parley stopped this reply here: it reached 1,000 characters, the most one reply may have.)";
            assertThat(reply.text()).startsWith("All work and no play.").endsWith(notice);
            assertThat(reply.text().length()).isLessThanOrEqualTo(1_000 + notice.length() + 1);
            assertThat(heard.toString().strip()).isEqualTo(reply.text());
            assertThat(server.awaitEndlessStreamsStopped(Duration.ofSeconds(10)))
                    .as("the client stopped reading the endless stream").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void anEndlessSlowReplyEndsAtTheTimeLimitWithANotice(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("Still going. ").delayedBy(20).endless())) {
            LanguageModel model = models.create("local", ScriptedProviders.config(protocol, server.baseUrl(), 5),
                    new ReplyLimitsConfig(1_000_000, 1));

            long start = System.nanoTime();
            LlmReply reply = model.reply(List.of(Message.user("Talk")), ReplyListener.IGNORE);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(reply.text()).startsWith("Still going.")
                    .endsWith("(Parley stopped this reply here: it ran for 1 seconds, the longest one reply may take.)");
            assertThat(server.awaitEndlessStreamsStopped(Duration.ofSeconds(10))).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "ANTHROPIC"})
    void endlessReasoningEndsAtTheCharacterLimitToo(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol,
                new Reply(List.of("Hmm, let me think. "), List.of(), 0, 0, null).endless())) {
            LanguageModel model = models.create("local", ScriptedProviders.config(protocol, server.baseUrl(), 5),
                    new ReplyLimitsConfig(1_000, 60));

            LlmReply reply = model.reply(List.of(Message.user("Think")), ReplyListener.IGNORE);

            assertThat(reply.reasoning().length()).isLessThanOrEqualTo(1_000);
            assertThat(reply.text()).contains("Parley stopped this reply here");
            assertThat(server.awaitEndlessStreamsStopped(Duration.ofSeconds(10))).isTrue();
        }
    }
}
