package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.parley.usage.Percentiles;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.LlmConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.conversation.Message;
import dev.parley.usage.MeteredLanguageModel;
import dev.parley.usage.Prices;
import dev.parley.usage.UsageLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What Parley's whole LLM stack (think filter, tool loop, retries, circuit breaker, concurrency
 * limit, usage metering) adds to time to first token over a bare LangChain4j client built the
 * library's default way, against the same local server, interleaved so both see the same load.
 * Prints "MEASURE" lines into the test's output file; asserts nothing about timing.
 */
@Tag("slow")
class TimeToFirstTokenOverheadTest {

    private static final int WARM_UP = 10;
    private static final int RUNS = 50;

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void measuresParleysOverheadOverABareLangChain4jClient(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("First", " words", " here."))) {
            StreamingChatModel bare = protocol == Protocol.OPENAI
                    ? OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("none").modelName("scripted").build()
                    : OllamaStreamingChatModel.builder().baseUrl(server.baseUrl()).modelName("scripted").build();
            ProviderConfig provider = new ProviderConfig(protocol == Protocol.OPENAI ? ProviderType.OPENAI_COMPATIBLE
                    : ProviderType.OLLAMA, server.baseUrl(), "scripted", null, null, null, 10);
            UsageLedger ledger = new UsageLedger(folder.resolve("usage.jsonl"));
            LanguageModel parley = new LanguageModels(new ApiKeys(Map.<String, String>of()::get), folder)
                    .createResilient("local", provider, new LlmConfig("local", null, Map.of("local", provider)),
                            (config, model) -> new MeteredLanguageModel(model, config.model(), ledger, Prices.defaults(),
                                    Clock.systemUTC()),
                            retried -> { });
            for (int i = 0; i < WARM_UP; i++) {
                bareFirstToken(bare);
                parleyFirstToken(parley);
            }
            long[] bareNanos = new long[RUNS];
            long[] parleyNanos = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                // Alternating, so connection reuse and load favour neither side.
                if (i % 2 == 0) {
                    bareNanos[i] = bareFirstToken(bare);
                    parleyNanos[i] = parleyFirstToken(parley);
                } else {
                    parleyNanos[i] = parleyFirstToken(parley);
                    bareNanos[i] = bareFirstToken(bare);
                }
            }
            Percentiles bareP = Percentiles.of(bareNanos);
            Percentiles parleyP = Percentiles.of(parleyNanos);
            System.out.printf("MEASURE %s time to first token over %d requests: bare LangChain4j p50 %.2f ms"
                    + " p95 %.2f ms; Parley p50 %.2f ms p95 %.2f ms; p50 overhead %+.2f ms%n", protocol, RUNS,
                    bareP.p50() / 1e6, bareP.p95() / 1e6, parleyP.p50() / 1e6, parleyP.p95() / 1e6,
                    (parleyP.p50() - bareP.p50()) / 1e6);
            assertThat(server.requests()).hasSize(2 * (WARM_UP + RUNS));
            assertThat(ledger.read()).hasSize(WARM_UP + RUNS);
        }
    }

    private static long bareFirstToken(StreamingChatModel client) throws Exception {
        CompletableFuture<Long> first = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime();
        client.chat(ChatRequest.builder().messages(UserMessage.from("Hi")).build(), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                first.complete(System.nanoTime() - start);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(null);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        done.get(10, TimeUnit.SECONDS);
        return first.get();
    }

    private static long parleyFirstToken(LanguageModel model) {
        long start = System.nanoTime();
        long[] first = {0};
        model.reply(List.of(Message.user("Hi")), delta -> {
            if (first[0] == 0) {
                first[0] = System.nanoTime() - start;
            }
        });
        return first[0];
    }
}
