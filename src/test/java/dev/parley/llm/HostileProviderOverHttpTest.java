package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.conversation.Message;
import dev.parley.llm.LlmException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Servers that answer in ways no provider should: endless error bodies, endless lines, redirects. The
 * real OpenAI-compatible client over real HTTP; each ends in bounded time and memory with one sentence.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileProviderOverHttpTest {

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
            java.nio.file.Path.of("target/test-llm-models"));

    /** One endpoint that answers every request with {@code handler}; closed with the test. */
    private record Hostile(HttpServer server) implements AutoCloseable {
        static Hostile answering(ExchangeHandler handler) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                try {
                    handler.handle(exchange);
                } catch (IOException clientWentAway) {
                    // the client stopped reading: what the test wants
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return new Hostile(server);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private interface ExchangeHandler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private LlmException failureAgainst(Hostile hostile) {
        LanguageModel model = models.create("local", ScriptedProviders.config(Protocol.OPENAI, hostile.baseUrl(), 20));
        return catchThrowableOfType(LlmException.class, () -> model.reply(List.of(Message.user("Hi")), delta -> {}));
    }

    private static void endless(OutputStream body, String pattern) throws IOException {
        byte[] block = pattern.repeat(8192 / pattern.length()).getBytes(StandardCharsets.UTF_8);
        while (true) {
            body.write(block);
        }
    }

    @Test
    void anEndlessErrorBodyIsReadOnlyInPart() throws Exception {
        try (Hostile hostile = Hostile.answering(exchange -> {
            exchange.sendResponseHeaders(500, 0);
            endless(exchange.getResponseBody(), "internal error ");
        })) {
            LlmException failure = failureAgainst(hostile);

            assertThat(failure.kind()).isEqualTo(Kind.SERVER);
            assertThat(failure.getMessage()).contains("had an internal error").hasSizeLessThan(500);
        }
    }

    @Test
    void anEndlessLineInTheStreamBreaksTheReplyOff() throws Exception {
        try (Hostile hostile = Hostile.answering(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write("data: ".getBytes(StandardCharsets.UTF_8));
            endless(body, "x");
        })) {
            LlmException failure = failureAgainst(hostile);

            assertThat(failure.kind()).isEqualTo(Kind.STREAM_BROKEN);
            assertThat(failure.getMessage()).contains("broke off the reply").contains("a line longer than 1 MB");
        }
    }

    @Test
    void aRedirectSaysWhereToAndIsNotFollowed() throws Exception {
        try (Hostile hostile = Hostile.answering(exchange -> {
            exchange.getResponseHeaders().add("Location", "https://elsewhere.example/v1/chat/completions");
            exchange.sendResponseHeaders(307, -1);
        })) {
            LlmException failure = failureAgainst(hostile);

            assertThat(failure.kind()).isEqualTo(Kind.INVALID_REQUEST);
            assertThat(failure.getMessage()).contains("redirects (HTTP 307) to https://elsewhere.example/v1/chat/completions")
                    .contains("llm.providers.local.base-url").doesNotContain("RetryAfterHttpException");
        }
    }
}
