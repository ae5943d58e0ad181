package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.conversation.Message;
import dev.parley.testing.CapturedLog;
import dev.parley.testing.FakeHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * A failed provider is told once: warnings reach the terminal, and the caller already reports the
 * failure it is given. Only a failure another provider answers for is a warning of its own.
 */
class ProviderFailureLoggingTest {

    private static final List<Message> QUESTION = List.of(Message.user("Hi"));
    private static final ResilientLanguageModel.Policy FAST = new ResilientLanguageModel.Policy(
            3, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(5), 3, Duration.ofSeconds(60));

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get), Path.of("target/test-llm-models"));

    private LanguageModel provider(String name, String baseUrl) {
        return models.create(name, ScriptedProviders.config(Protocol.OPENAI, baseUrl, 5));
    }

    @Test
    void aFailureTheCallerReportsIsNoWarningAndSaysConnectionRefusedInWords() throws Exception {
        var model = new ResilientLanguageModel(List.of(provider("main", FakeHttpServer.closedPortUrl() + "/v1")), FAST);

        LlmException failure;
        try (CapturedLog log = CapturedLog.of(ResilientLanguageModel.class)) {
            failure = catchThrowableOfType(LlmException.class, () -> model.reply(QUESTION, ReplyListener.IGNORE));

            assertThat(log.at(Level.WARN)).isEmpty();
            assertThat(log.at(Level.INFO)).anySatisfy(line -> assertThat(line).contains("Provider 'main' failed"));
        }
        assertThat(failure.getMessage()).contains("is not reachable (connection refused)")
                .doesNotContain("ClosedChannelException");
    }

    @Test
    void aFailureAFallbackAnswersForIsAWarningToldBeforeItsAnswer() throws Exception {
        try (var backup = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Backup here."))) {
            var model = new ResilientLanguageModel(List.of(provider("main", FakeHttpServer.closedPortUrl() + "/v1"),
                    provider("backup", backup.baseUrl())), FAST);

            try (CapturedLog log = CapturedLog.of(ResilientLanguageModel.class)) {
                List<Integer> warningsAtFirstWord = new ArrayList<>();
                ReplyListener answer = new ReplyListener() {
                    @Override
                    public void onText(String delta) {
                        if (warningsAtFirstWord.isEmpty()) {
                            warningsAtFirstWord.add(log.at(Level.WARN).size());
                        }
                    }
                };

                assertThat(model.reply(QUESTION, answer).text()).isEqualTo("Backup here.");

                assertThat(log.at(Level.WARN)).singleElement().asString()
                        .startsWith("'backup' answers instead of provider 'main', which failed (CONNECTION): ")
                        .contains("connection refused");
                assertThat(warningsAtFirstWord).as("the warning comes before the answer, not on its line")
                        .containsExactly(1);
            }
        }
    }

    @Test
    void whenTheFallbackFailsTooNeitherFailureIsAWarningTheCallerReportsBoth() throws Exception {
        var model = new ResilientLanguageModel(List.of(provider("main", FakeHttpServer.closedPortUrl() + "/v1"),
                provider("backup", FakeHttpServer.closedPortUrl() + "/v1")), FAST);

        LlmException failure;
        try (CapturedLog log = CapturedLog.of(ResilientLanguageModel.class)) {
            failure = catchThrowableOfType(LlmException.class, () -> model.reply(QUESTION, ReplyListener.IGNORE));

            assertThat(log.at(Level.WARN)).isEmpty();
        }
        assertThat(failure.getMessage()).contains("'main'").contains("No fallback answered either: backup");
    }
}
