package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.usage.Percentiles;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.conversation.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the resilience decorator costs in time to first token, against the raw streaming model on
 * the same local server, interleaved so both see the same machine load. Prints the numbers (in the
 * test's output file); asserts nothing about timing, which a shared 2-core machine cannot promise.
 */
@Tag("slow")
class ResilienceOverheadTest {

    private static final int WARM_UP = 10;
    private static final int RUNS = 50;

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void measuresTimeToFirstTokenWithAndWithoutTheDecorator(Protocol protocol) throws Exception {
        var models = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
            java.nio.file.Path.of("target/test-llm-models"));
        try (var server = new ScriptedLlmServer(protocol, Reply.of("First", " words", " here."))) {
            LanguageModel raw = models.create("raw", ScriptedProviders.config(protocol, server.baseUrl(), 10));
            LanguageModel resilient = new ResilientLanguageModel(List.of(raw), new ResilientLanguageModel.Policy(
                    3, Duration.ofMillis(250), Duration.ofMillis(4000), Duration.ofSeconds(30), 3,
                    Duration.ofSeconds(60)));
            for (int i = 0; i < WARM_UP; i++) {
                firstTokenNanos(raw);
                firstTokenNanos(resilient);
            }
            long[] rawNanos = new long[RUNS];
            long[] resilientNanos = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                // Alternating the order: a client can pay for the request before it (connection
                // reuse), which in a fixed order would always land on the same side.
                if (i % 2 == 0) {
                    rawNanos[i] = firstTokenNanos(raw);
                    resilientNanos[i] = firstTokenNanos(resilient);
                } else {
                    resilientNanos[i] = firstTokenNanos(resilient);
                    rawNanos[i] = firstTokenNanos(raw);
                }
            }

            Percentiles rawP = Percentiles.of(rawNanos);
            Percentiles resilientP = Percentiles.of(resilientNanos);
            System.out.printf("MEASURE %s time to first token over %d requests: raw p50 %.2f ms p95 %.2f ms;"
                    + " resilient p50 %.2f ms p95 %.2f ms; p50 overhead %+.3f ms%n", protocol, RUNS,
                    rawP.p50() / 1e6, rawP.p95() / 1e6, resilientP.p50() / 1e6, resilientP.p95() / 1e6,
                    (resilientP.p50() - rawP.p50()) / 1e6);
            assertThat(server.requests()).hasSize(2 * (WARM_UP + RUNS));
        }
    }

    /** The decorator alone, without a network: a model that answers at once. */
    @org.junit.jupiter.api.Test
    void measuresTheDecoratorsOwnCostPerReply() {
        LanguageModel instant = new LanguageModel() {
            @Override
            public String name() {
                return "instant";
            }

            @Override
            public String describe() {
                return "instant";
            }

            @Override
            public LlmReply reply(List<Message> messages, ReplyListener listener) {
                listener.onText("Hi.");
                return new LlmReply("Hi.", "", -1, -1, System.nanoTime(), "instant");
            }
        };
        LanguageModel resilient = new ResilientLanguageModel(List.of(instant), new ResilientLanguageModel.Policy(
                3, Duration.ofMillis(250), Duration.ofMillis(4000), Duration.ofSeconds(30), 3, Duration.ofSeconds(60)));
        int runs = 5000;
        for (int i = 0; i < runs; i++) {
            firstTokenNanos(resilient);
            firstTokenNanos(instant);
        }
        long[] rawNanos = new long[runs];
        long[] resilientNanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            rawNanos[i] = firstTokenNanos(instant);
            resilientNanos[i] = firstTokenNanos(resilient);
        }
        Percentiles rawP = Percentiles.of(rawNanos);
        Percentiles resilientP = Percentiles.of(resilientNanos);
        System.out.printf("MEASURE decorator alone over %d in-memory replies: raw p50 %.1f us; resilient p50 %.1f us"
                + " p95 %.1f us%n", runs, rawP.p50() / 1e3, resilientP.p50() / 1e3, resilientP.p95() / 1e3);
        assertThat(resilientP.p50()).isPositive();
    }

    private static long firstTokenNanos(LanguageModel model) {
        long start = System.nanoTime();
        long[] first = {0};
        model.reply(List.of(Message.user("Hi")), delta -> {
            if (first[0] == 0) {
                first[0] = System.nanoTime();
            }
        });
        return first[0] - start;
    }
}
