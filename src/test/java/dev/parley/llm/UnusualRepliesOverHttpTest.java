package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.config.ToolsConfig;
import dev.parley.conversation.Message;
import dev.parley.llm.LlmException.Kind;
import dev.parley.llm.embedded.EmbeddedModels;
import dev.parley.llm.embedded.ModelDownloads;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.OpenAiStreams;
import dev.parley.testing.FakeHttpServer.Response;
import dev.parley.tools.Calculator;
import dev.parley.tools.ToolConfirmer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replies that end properly but in a shape or with a stop the clients pass over: each either fails with
 * one sentence saying what happened or, for a filtered answer with text, says why it ended. The real
 * LangChain4j clients over real HTTP, against raw bodies in each provider's wire format.
 */
class UnusualRepliesOverHttpTest {

    private static final String OLLAMA_DONE = """
            {"model":"scripted","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop",\
            "prompt_eval_count":12,"eval_count":7}
            """;

    private final ToolRunner calculator = new ToolRunner(List.of(new Calculator()), new ToolsConfig(true, 5, 10,
            List.of()), ToolConfirmer.DENY);
    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
            new EmbeddedModels(Path.of("target/test-llm-models"), ModelDownloads.Progress.NONE), calculator);

    private LanguageModel model(Protocol protocol, FakeHttpServer server) {
        String base = server.url() + switch (protocol) {
            case OPENAI, ANTHROPIC -> "/v1";
            case OLLAMA -> "";
            case GEMINI -> "/v1beta";
        };
        return models.create("local", ScriptedProviders.config(protocol, base, 5));
    }

    private static String ollamaLine(String message) {
        return "{\"model\":\"scripted\",\"message\":" + message + ",\"done\":false}\n";
    }

    /** A Gemini stream: each argument one SSE event's data. */
    private static String gemini(String... events) {
        StringBuilder body = new StringBuilder();
        for (String event : events) {
            body.append("data: ").append(event).append("\n\n");
        }
        return body.toString();
    }

    private static final String GEMINI_PATH = "/v1beta/models/scripted:streamGenerateContent";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"name\":\"calculate\",\"arguments\":\"{\\\"expression\\\":\\\"2+2\\\"}\"}",
            "null"})
    void anOllamaToolCallTheClientCannotReadFailsTheReplyInsteadOfAnsweringNothing(String function) throws Exception {
        try (var server = new FakeHttpServer().on("POST", "/api/chat", request -> new Response(200,
                "application/x-ndjson", ollamaLine("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":"
                        + function + "}]}") + OLLAMA_DONE))) {
            LlmException failure = catchThrowableOfType(LlmException.class,
                    () -> model(Protocol.OLLAMA, server).reply(List.of(Message.user("2+2?")), delta -> {}));

            assertThat(failure.kind()).isEqualTo(Kind.UNREADABLE_REPLY);
            assertThat(failure.transientFailure()).isFalse();
            assertThat(failure.getMessage()).startsWith("Provider 'local' (ollama at ")
                    .contains("sent a reply Parley could not read (a malformed stream line: {\"model\":\"scripted\"")
                    .contains("llm.providers.local.type").doesNotContain("\n").doesNotContain("Exception");
        }
    }

    @Test
    void ollamaToolCallsWithoutAnIndexEachRunAndEachResultGoesBack() throws Exception {
        String calls = "[" + String.join(",", List.of("2+2", "3*3", "10-1").stream()
                .map(e -> "{\"function\":{\"name\":\"calculate\",\"arguments\":{\"expression\":\"" + e + "\"}}}").toList())
                + "]";
        List<String> bodies = new ArrayList<>();
        try (var server = new FakeHttpServer().on("POST", "/api/chat", request -> {
            bodies.add(request.body());
            return new Response(200, "application/x-ndjson", bodies.size() == 1
                    ? ollamaLine("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":" + calls + "}") + OLLAMA_DONE
                    : ollamaLine("{\"role\":\"assistant\",\"content\":\"4, 9 and 9.\"}") + OLLAMA_DONE);
        })) {
            List<String> ran = new ArrayList<>();
            LlmReply reply = model(Protocol.OLLAMA, server).reply(List.of(Message.user("Sums?")), new ReplyListener() {
                @Override
                public void onText(String delta) {}

                @Override
                public void onToolCall(String name, String argumentsJson) {
                    ran.add(argumentsJson);
                }
            });

            assertThat(reply.text()).isEqualTo("4, 9 and 9.");
            assertThat(ran).containsExactly("{\"expression\":\"2+2\"}", "{\"expression\":\"3*3\"}",
                    "{\"expression\":\"10-1\"}");
            List<String> results = new ArrayList<>();
            new ObjectMapper().readTree(bodies.get(1)).path("messages").forEach(message -> {
                if (message.path("role").asText().equals("tool")) {
                    results.add(message.path("content").asText());
                }
            });
            assertThat(results).containsExactly("4", "9", "9");
        }
    }

    @Test
    void aReplyThatRanToolsAndThenSaidNothingIsNoFailure() throws Exception {
        // Failing it would have the turn asked again, and the tool (a timer, say) run twice.
        List<String> bodies = new ArrayList<>();
        try (var server = new FakeHttpServer().on("POST", "/api/chat", request -> {
            bodies.add(request.body());
            return new Response(200, "application/x-ndjson", bodies.size() == 1
                    ? ollamaLine("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":"
                            + "{\"index\":0,\"name\":\"calculate\",\"arguments\":{\"expression\":\"2+2\"}}}]}")
                            + OLLAMA_DONE
                    : ollamaLine("{\"role\":\"assistant\",\"content\":\"\"}") + OLLAMA_DONE);
        })) {
            List<String> ran = new ArrayList<>();
            LlmReply reply = model(Protocol.OLLAMA, server).reply(List.of(Message.user("Sum?")), new ReplyListener() {
                @Override
                public void onText(String delta) {}

                @Override
                public void onToolCall(String name, String argumentsJson) {
                    ran.add(argumentsJson);
                }
            });

            assertThat(reply.text()).isEmpty();
            assertThat(ran).containsExactly("{\"expression\":\"2+2\"}");
            assertThat(bodies).hasSize(2);
        }
    }

    @Test
    void aReplyWithNoTextAndNoToolCallsSaysTheProviderAnsweredNothing() throws Exception {
        try (var server = new FakeHttpServer().on("POST", "/api/chat",
                request -> new Response(200, "application/x-ndjson", OLLAMA_DONE))) {
            LlmException failure = catchThrowableOfType(LlmException.class,
                    () -> model(Protocol.OLLAMA, server).reply(List.of(Message.user("Hi")), delta -> {}));

            assertThat(failure.kind()).isEqualTo(Kind.EMPTY_REPLY);
            assertThat(failure.getMessage()).contains("answered nothing (no text and no tool calls)");
        }
    }

    @Test
    void aGeminiAnswerStoppedForSafetyBeforeAnyTextIsARefusal() throws Exception {
        try (var server = new FakeHttpServer().on("POST", GEMINI_PATH, request -> new Response(200, "text/event-stream",
                gemini("{\"candidates\":[{\"finishReason\":\"SAFETY\",\"index\":0}],\"modelVersion\":\"scripted\"}")))) {
            LlmException failure = catchThrowableOfType(LlmException.class,
                    () -> model(Protocol.GEMINI, server).reply(List.of(Message.user("Hi")), delta -> {}));

            assertThat(failure.kind()).isEqualTo(Kind.CONTENT_FILTERED);
            assertThat(failure.getMessage()).contains("refused to answer: its safety filter stopped the reply");
        }
    }

    @Test
    void aBlockedGeminiPromptSaysSoAndIsNeitherRetriedNorTakenForABrokenStream() throws Exception {
        try (var server = new FakeHttpServer().on("POST", GEMINI_PATH, request -> new Response(200, "text/event-stream",
                gemini("{\"promptFeedback\":{\"blockReason\":\"SAFETY\"},\"modelVersion\":\"scripted\"}")))) {
            var resilient = new ResilientLanguageModel(List.of(model(Protocol.GEMINI, server)),
                    new ResilientLanguageModel.Policy(3, Duration.ofMillis(10), Duration.ofMillis(100),
                            Duration.ofSeconds(5), 3, Duration.ofSeconds(60)));

            LlmException failure = catchThrowableOfType(LlmException.class,
                    () -> resilient.reply(List.of(Message.user("Hi")), delta -> {}));

            assertThat(failure.kind()).isEqualTo(Kind.CONTENT_FILTERED);
            assertThat(failure.getMessage()).contains("blocked the prompt (SAFETY)").doesNotContain("broke off");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aGeminiRecitationStopKeepsTheTextAndReportsAContentFilter() throws Exception {
        try (var server = new FakeHttpServer().on("POST", GEMINI_PATH, request -> new Response(200, "text/event-stream",
                gemini("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Once upon\"}]},\"index\":0}]}",
                        "{\"candidates\":[{\"finishReason\":\"RECITATION\",\"index\":0}]}")))) {
            LlmReply reply = model(Protocol.GEMINI, server).reply(List.of(Message.user("Recite")), delta -> {});

            assertThat(reply.text()).isEqualTo("Once upon");
            assertThat(reply.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        }
    }

    @Test
    void anOpenAiContentFilterStopKeepsTheTextAndReportsIt() throws Exception {
        try (var server = new FakeHttpServer().on("POST", "/v1/chat/completions", request -> new Response(200,
                "text/event-stream", OpenAiStreams.textThenStop("content_filter")))) {
            LlmReply reply = model(Protocol.OPENAI, server).reply(List.of(Message.user("How?")), delta -> {});

            assertThat(reply.text()).isEqualTo("Here is how");
            assertThat(reply.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        }
    }

    @Test
    void anAnthropicRefusalKeepsTheTextAndReportsAContentFilter() throws Exception {
        String body = """
                event: message_start
                data: {"type":"message_start","message":{"id":"m","type":"message","role":"assistant","model":"scripted","content":[],"usage":{"input_tokens":12,"output_tokens":0}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"I will not"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"refusal","stop_sequence":null},"usage":{"output_tokens":3}}

                event: message_stop
                data: {"type":"message_stop"}

                """;
        try (var server = new FakeHttpServer().on("POST", "/v1/messages",
                request -> new Response(200, "text/event-stream", body))) {
            LlmReply reply = model(Protocol.ANTHROPIC, server).reply(List.of(Message.user("Hm")), delta -> {});

            assertThat(reply.text()).isEqualTo("I will not");
            assertThat(reply.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        }
    }
}
