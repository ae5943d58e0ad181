package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.LlmConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.conversation.Message;
import dev.parley.testing.HandClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Failover by the latest health check, with real clients over real HTTP and a hand-moved clock: a
 * provider whose check failed is asked after the healthy ones, and first again once a check passes.
 */
class HealthFailoverTest {

    private static final List<Message> QUESTION = List.of(Message.user("Hi"));
    private static final ResilientLanguageModel.Policy FAST = new ResilientLanguageModel.Policy(
            2, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(5), 3, Duration.ofSeconds(60));
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private final HandClock clock = new HandClock();
    private final HealthRouting routing = new HealthRouting(() -> HealthRouting.trustFor(60), clock);
    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
            Path.of("target/test-llm-models"));

    /** An endpoint that takes connections and never answers: a request to it waits out its timeout. */
    private static final class Blackhole implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();
        final List<Socket> held = new CopyOnWriteArrayList<>();

        Blackhole() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        String baseUrl() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private ProviderConfig config(String baseUrl) {
        return ScriptedProviders.config(Protocol.OPENAI, baseUrl, 30);
    }

    private ResilientLanguageModel chain(String primaryUrl, String fallbackUrl) {
        return new ResilientLanguageModel(List.of(models.create("main", config(primaryUrl)),
                models.create("local", config(fallbackUrl))), FAST, new ConcurrentHashMap<>(), provider -> { },
                new HealthNews(), routing);
    }

    @Test
    void aPrimaryWhoseCheckFailedGetsNoRequestAndTheFallbackAnswers() throws Exception {
        try (var dead = new Blackhole();
                var local = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Local answer."))) {
            routing.record("main", false, "not reachable: timed out");

            LlmReply reply = chain(dead.baseUrl(), local.baseUrl()).reply(QUESTION, ReplyListener.IGNORE);

            assertThat(reply.text()).isEqualTo("Local answer.");
            assertThat(dead.connections).hasValue(0);
        }
    }

    @Test
    void theBackgroundPollerFindsTheDeadPrimaryAndTheTurnSkipsIt() throws Exception {
        try (var dead = new Blackhole();
                var local = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Local answer."))) {
            Map<String, ProviderConfig> providers = Map.of("main", config(dead.baseUrl()),
                    "local", config(local.baseUrl()));
            ProviderHealth health = new ProviderHealth(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
                    Duration.ofMillis(300), new HealthNews(), routing);
            try (HealthPoller poller = HealthPoller.of(health, new LlmConfig("main", null, providers), MINUTE,
                    () -> false, clock)) {
                poller.poll();
            }
            int probes = dead.connections.get();

            LlmReply reply = chain(dead.baseUrl(), local.baseUrl()).reply(QUESTION, ReplyListener.IGNORE);

            assertThat(routing.knownDown("main")).isTrue();
            assertThat(routing.knownDown("local")).isFalse();
            assertThat(reply.text()).isEqualTo("Local answer.");
            assertThat(dead.connections).hasValue(probes);
        }
    }

    @Test
    void thePrimaryAnswersFirstAgainOnceACheckPasses() throws Exception {
        try (var main = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Main answer."), Reply.of("Main again."));
                var local = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Local answer."))) {
            ResilientLanguageModel model = chain(main.baseUrl(), local.baseUrl());
            routing.record("main", false, "key rejected");
            assertThat(model.reply(QUESTION, ReplyListener.IGNORE).text()).isEqualTo("Local answer.");
            assertThat(main.requests()).isEmpty();

            clock.advance(MINUTE);
            routing.record("main", true, "");

            assertThat(model.reply(QUESTION, ReplyListener.IGNORE).text()).isEqualTo("Main answer.");
            assertThat(local.requests()).hasSize(1);
        }
    }

    @Test
    void whenNoProviderPassedItsCheckThePrimaryIsStillAsked() throws Exception {
        try (var main = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Main answer."));
                var local = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Local answer."))) {
            routing.record("main", false, "not reachable");
            routing.record("local", false, "not reachable");

            assertThat(chain(main.baseUrl(), local.baseUrl()).reply(QUESTION, ReplyListener.IGNORE).text())
                    .isEqualTo("Main answer.");
            assertThat(local.requests()).isEmpty();
        }
    }

    @Test
    void aFailedCheckOlderThanThePollersLongestWaitNoLongerCounts() throws Exception {
        try (var main = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Main answer."));
                var local = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Local answer."))) {
            routing.record("main", false, "not reachable");
            clock.advance(MINUTE.multipliedBy(HealthPoller.MAX_BACKOFF_FACTOR + 1).plusSeconds(1));

            assertThat(chain(main.baseUrl(), local.baseUrl()).reply(QUESTION, ReplyListener.IGNORE).text())
                    .isEqualTo("Main answer.");
        }
    }

    @Test
    void withPollingOffNoCheckResultReordersTheChain() {
        HealthRouting off = new HealthRouting(() -> HealthRouting.trustFor(0), clock);
        off.record("main", false, "not reachable");

        assertThat(off.order(List.of("main", "local"), name -> name)).containsExactly("main", "local");
        assertThat(HealthRouting.NONE.knownDown("main")).isFalse();
    }
}
