package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.CacheConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.config.ToolsConfig;
import dev.parley.conversation.Message;
import dev.parley.conversation.ToolRound;
import dev.parley.tools.Calculator;
import dev.parley.tools.ToolConfirmer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyCacheTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.<String, String>of()::get),
            Path.of("target/test-llm-models"));

    @Test
    void anIdenticalRequestIsAnsweredFromMemoryUntilItExpires() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Paris", " is the capital."),
                Reply.of("Rome", " is the capital."))) {
            MovableClock clock = new MovableClock();
            ReplyCache cache = new ReplyCache(new CacheConfig(true, 10, 60), clock);
            LanguageModel model = cache.cached(models.create("local",
                    new ProviderConfig(ProviderType.OLLAMA, server.baseUrl(), "scripted", null, null, null, 10)), "scripted");
            List<Message> question = List.of(Message.user("Capital of France?"));
            StringBuilder replayed = new StringBuilder();

            model.reply(question, ReplyListener.IGNORE);
            LlmReply again = model.reply(question, replayed::append);

            assertThat(server.requests()).hasSize(1);
            assertThat(again.text()).isEqualTo("Paris is the capital.");
            assertThat(replayed.toString()).isEqualTo("Paris is the capital.");

            model.reply(List.of(Message.user("Capital of Italy?")), ReplyListener.IGNORE);
            assertThat(server.requests()).hasSize(2);

            clock.now = clock.now.plus(Duration.ofMinutes(61));
            model.reply(question, ReplyListener.IGNORE);
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void failedRepliesAreNotCached() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.error(500, "boom"), Reply.of("Fine."))) {
            ReplyCache cache = new ReplyCache(new CacheConfig(true, 10, 60), Clock.systemUTC());
            LanguageModel model = cache.cached(models.create("local",
                    new ProviderConfig(ProviderType.OLLAMA, server.baseUrl(), "scripted", null, null, null, 10)), "scripted");
            List<Message> question = List.of(Message.user("Hello?"));

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.reply(question, ReplyListener.IGNORE))
                    .isInstanceOf(LlmException.class);

            assertThat(model.reply(question, ReplyListener.IGNORE).text()).isEqualTo("Fine.");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void theCacheIsOffUnlessConfigured() {
        assertThat(CacheConfig.DEFAULTS.enabled()).isFalse();
    }

    @Test
    void aReplyThatRanToolsIsNotKeptSoItsCallsRunAgainAndReachTheConversation() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI,
                Reply.toolCall("calculate", "{\"expression\":\"21*2\"}"), Reply.of("It is 42."),
                Reply.toolCall("calculate", "{\"expression\":\"21*2\"}"), Reply.of("It is 42."))) {
            var tools = new ToolRunner(List.of(new Calculator()), new ToolsConfig(true, 5, 5, List.of()),
                    ToolConfirmer.DENY);
            LanguageModel model = new ReplyCache(new CacheConfig(true, 10, 60), new MovableClock()).cached(
                    models.withTools(tools).create("local", new ProviderConfig(ProviderType.OPENAI_COMPATIBLE,
                            server.baseUrl(), "scripted", null, null, null, 10)), "scripted");
            List<Message> question = List.of(Message.user("What is 21*2?"));
            List<ToolRound> rounds = new ArrayList<>();
            ReplyListener recording = new ReplyListener() {
                @Override
                public void onText(String delta) {}

                @Override
                public void onToolRound(ToolRound round) {
                    rounds.add(round);
                }
            };

            model.reply(question, recording);
            model.reply(question, recording);

            assertThat(server.requests()).hasSize(4);
            assertThat(rounds).hasSize(2);
        }
    }
}
