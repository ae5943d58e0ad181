package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.conversation.Message;
import dev.parley.llm.LlmException.Kind;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Retries, fallback and circuit breakers, with the real clients over real HTTP against scripted servers. */
class ResilientLanguageModelTest {

    private static final List<Message> QUESTION = List.of(Message.user("Hi"));
    private static final ResilientLanguageModel.Policy FAST = new ResilientLanguageModel.Policy(
            3, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(5), 3, Duration.ofSeconds(60));

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
            java.nio.file.Path.of("target/test-llm-models"));

    private LanguageModel provider(String name, Protocol protocol, String baseUrl, int timeoutSeconds) {
        return models.create(name, ScriptedProviders.config(protocol, baseUrl, timeoutSeconds));
    }

    private LanguageModel provider(String name, ScriptedLlmServer server, Protocol protocol) {
        return provider(name, protocol, server.baseUrl(), 5);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void rateLimitedRequestIsRetriedAfterTheWaitTheProviderAskedFor(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.rateLimited(1), Reply.of("Back again."))) {
            var model = new ResilientLanguageModel(List.of(provider("main", server, protocol)), FAST);

            long start = System.nanoTime();
            LlmReply reply = model.reply(QUESTION, ReplyListener.IGNORE);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(reply.text()).isEqualTo("Back again.");
            assertThat(server.requests()).hasSize(2);
            // The backoff alone (10 ms) would have retried at once.
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950));
            System.out.printf("MEASURE %s Retry-After 1 s honoured: reply after %d ms%n", protocol, took.toMillis());
        }
    }

    @Test
    void waitLongerThanTheConfiguredMaximumFailsAtOnceSayingWhenToRetry() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.GEMINI, Reply.rateLimited(120), Reply.of("Too late."))) {
            var model = new ResilientLanguageModel(List.of(provider("main", server, Protocol.GEMINI)), FAST);

            LlmException failure = catchThrowableOfType(LlmException.class,
                    () -> model.reply(QUESTION, ReplyListener.IGNORE));

            assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMIT);
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(failure.getMessage()).contains("asks to wait 120 s").contains("max-retry-after-seconds")
                    .contains("Try again after");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void serverErrorIsRetriedWithBackoff(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.error(500, "boom"), Reply.of("Fine now."))) {
            var model = new ResilientLanguageModel(List.of(provider("main", server, protocol)), FAST);

            LlmReply reply = model.reply(QUESTION, ReplyListener.IGNORE);

            assertThat(reply.text()).isEqualTo("Fine now.");
            assertThat(reply.provider()).isEqualTo("main");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void rejectedKeyIsNotRetried(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.error(401, "invalid key"), Reply.of("Never."))) {
            var model = new ResilientLanguageModel(List.of(provider("main", server, protocol)), FAST);

            LlmException failure = catchThrowableOfType(LlmException.class,
                    () -> model.reply(QUESTION, ReplyListener.IGNORE));

            assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
            assertThat(failure.getMessage()).contains("rejected the API key in TEST_KEY");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void streamCutAfterTheFirstWordIsNeitherRetriedNorHandedToTheFallback(Protocol protocol) throws Exception {
        try (var primary = new ScriptedLlmServer(protocol, Reply.of("Hello", " there.").cutAfter(1));
                var secondary = new ScriptedLlmServer(protocol, Reply.of("Other voice."))) {
            var model = new ResilientLanguageModel(List.of(provider("main", primary, protocol),
                    provider("backup", secondary, protocol)), FAST);
            List<String> spoken = new ArrayList<>();

            LlmException failure = catchThrowableOfType(LlmException.class, () -> model.reply(QUESTION, spoken::add));

            assertThat(failure.kind()).isEqualTo(Kind.STREAM_BROKEN);
            assertThat(failure.partialText()).isEqualTo("Hello");
            assertThat(spoken).containsExactly("Hello");
            assertThat(primary.requests()).hasSize(1);
            assertThat(secondary.requests()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void deadPrimaryHandsTheReplyToTheFallback(Protocol protocol) throws Exception {
        String deadUrl = ScriptedProviders.closedUrl(protocol, closedPort());
        try (var secondary = new ScriptedLlmServer(protocol, Reply.of("Backup", " here."))) {
            var model = new ResilientLanguageModel(List.of(provider("main", protocol, deadUrl, 5),
                    provider("backup", secondary, protocol)), FAST);
            List<String> spoken = new ArrayList<>();

            long start = System.nanoTime();
            LlmReply reply = model.reply(QUESTION, spoken::add);
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(reply.text()).isEqualTo("Backup here.");
            assertThat(reply.provider()).isEqualTo("backup");
            assertThat(spoken).containsExactly("Backup", " here.");
            System.out.printf("MEASURE %s fallback from a dead provider (3 attempts, 10 ms backoff): %d ms%n",
                    protocol, tookMs);
        }
    }

    @Test
    void openCircuitSkipsTheFailingProviderWithoutCallingIt() throws Exception {
        try (var primary = new ScriptedLlmServer(Protocol.OPENAI, Reply.error(500, "down"));
                var secondary = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Backup."))) {
            HealthNews health = new HealthNews();
            List<HealthNews.Change> news = new ArrayList<>();
            health.subscribe(news::add);
            var model = new ResilientLanguageModel(List.of(provider("main", primary, Protocol.OPENAI),
                    provider("backup", secondary, Protocol.OLLAMA)), FAST, new java.util.concurrent.ConcurrentHashMap<>(),
                    provider -> { }, health);

            LlmReply first = model.reply(QUESTION, ReplyListener.IGNORE);
            long start = System.nanoTime();
            LlmReply second = model.reply(QUESTION, ReplyListener.IGNORE);
            long secondMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(first.provider()).isEqualTo("backup");
            assertThat(second.provider()).isEqualTo("backup");
            // Three attempts opened the breaker; within the cooldown the primary is not contacted.
            assertThat(primary.requests()).hasSize(3);
            assertThat(secondary.requests()).hasSize(2);
            // The opening is news once (provider.health on the event stream), however often it is skipped.
            assertThat(news).extracting(HealthNews.Change::provider, HealthNews.Change::healthy)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("main", false));
            assertThat(news.get(0).detail()).contains("3 times in a row");
            System.out.printf("MEASURE reply with the primary's circuit open: %d ms%n", secondMs);
        }
    }

    @Test
    void cancelledRepliesAreNeitherRetriedNorHeldAgainstTheProvider() {
        List<String> calls = new ArrayList<>();
        LanguageModel interrupted = new LanguageModel() {
            @Override
            public String name() {
                return "main";
            }

            @Override
            public String describe() {
                return "main";
            }

            @Override
            public LlmReply reply(List<Message> messages, ReplyListener listener) {
                calls.add("main");
                throw new LlmException(Kind.CANCELLED, "The reply from main was cancelled.", null, null, "");
            }
        };
        var model = new ResilientLanguageModel(List.of(interrupted), FAST);

        for (int barge = 0; barge < 5; barge++) {
            LlmException failure = catchThrowableOfType(LlmException.class,
                    () -> model.reply(QUESTION, ReplyListener.IGNORE));
            assertThat(failure.kind()).isEqualTo(Kind.CANCELLED);
        }

        // One call per reply: no retries, and five barge-ins did not open the circuit.
        assertThat(calls).hasSize(5);
    }

    @Test
    void skippedProviderStillSaysWhatWentWrongAndWhatToDo() throws Exception {
        int port = closedPort();
        var model = new ResilientLanguageModel(List.of(
                provider("main", Protocol.OLLAMA, ScriptedProviders.closedUrl(Protocol.OLLAMA, port), 5)), FAST);
        catchThrowableOfType(LlmException.class, () -> model.reply(QUESTION, ReplyListener.IGNORE));

        LlmException skipped = catchThrowableOfType(LlmException.class,
                () -> model.reply(QUESTION, ReplyListener.IGNORE));

        assertThat(skipped.kind()).isEqualTo(Kind.CONNECTION);
        assertThat(skipped.getMessage()).contains("not reachable").contains("ollama serve")
                .contains("Skipped for another").contains("after 3 failures in a row");
    }

    @Test
    void whenEveryProviderFailsTheFirstFailureIsReportedWithTheFallbacks() throws Exception {
        try (var primary = new ScriptedLlmServer(Protocol.OPENAI, Reply.error(401, "bad key"));
                var secondary = new ScriptedLlmServer(Protocol.OLLAMA, Reply.error(404, "no model"))) {
            var model = new ResilientLanguageModel(List.of(provider("main", primary, Protocol.OPENAI),
                    provider("backup", secondary, Protocol.OLLAMA)), FAST);

            LlmException failure = catchThrowableOfType(LlmException.class,
                    () -> model.reply(QUESTION, ReplyListener.IGNORE));

            assertThat(failure.kind()).isEqualTo(Kind.AUTHENTICATION);
            assertThat(failure.getMessage()).contains("Provider 'main'").contains("rejected the API key")
                    .contains("No fallback answered either: backup (model not found)");
        }
    }

    @Test
    void aProviderThatTimedOutIsNotAskedAgainButTheFallbackIs() throws Exception {
        var threeTries = new ResilientLanguageModel.Policy(3, Duration.ofMillis(10), Duration.ofMillis(100),
                Duration.ofSeconds(5), 3, Duration.ofSeconds(60));
        try (var silent = new ScriptedLlmServer(Protocol.OLLAMA, Reply.hang(2500));
                var backup = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Here ", "I am."))) {
            var model = new ResilientLanguageModel(List.of(provider("main", Protocol.OLLAMA, silent.baseUrl(), 1),
                    provider("backup", Protocol.OLLAMA, backup.baseUrl(), 1)), threeTries);

            LlmReply reply = model.reply(QUESTION, ReplyListener.IGNORE);

            assertThat(reply.provider()).isEqualTo("backup");
            // The user already waited main's whole timeout once; three tries would be three times that.
            assertThat(silent.requests()).hasSize(1);
        }
    }

    @Test
    void aGatewayTimeoutTheServerSentIsAskedAgain() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.error(504, "upstream timed out"),
                Reply.of("Fine now."))) {
            var model = new ResilientLanguageModel(List.of(provider("main", server, Protocol.OPENAI)), FAST);

            LlmReply reply = model.reply(QUESTION, ReplyListener.IGNORE);

            // A 504 can come at once: only a timeout Parley itself waited out is not asked again.
            assertThat(reply.text()).isEqualTo("Fine now.");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void providerThatHangsFailsAsTimeout(Protocol protocol) throws Exception {
        var once = new ResilientLanguageModel.Policy(1, Duration.ofMillis(10), Duration.ofMillis(100),
                Duration.ofSeconds(5), 3, Duration.ofSeconds(60));
        try (var server = new ScriptedLlmServer(protocol, Reply.hang(2500))) {
            var model = new ResilientLanguageModel(List.of(provider("main", protocol, server.baseUrl(), 1)), once);

            LlmException failure = catchThrowableOfType(LlmException.class,
                    () -> model.reply(QUESTION, ReplyListener.IGNORE));

            assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(server.requests()).hasSize(1);
        }
    }
}
