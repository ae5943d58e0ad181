package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.llm.ApiDetection.Api;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeLlmApis;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiDetectorTest {

    private final ApiDetector detector = new ApiDetector(Duration.ofSeconds(2));

    interface ServerFactory {
        FakeHttpServer start() throws Exception;
    }

    static Stream<Arguments> endpoints() {
        ServerFactory ollama = () -> FakeLlmApis.ollama("llama3.2:latest", "qwen3:0.6b");
        ServerFactory generateOnly = () -> FakeLlmApis.ollamaGenerateOnly("llama2:latest");
        ServerFactory openAi = () -> FakeLlmApis.openAi(null, "local-model");
        ServerFactory openAiWithKey = () -> FakeLlmApis.openAi("sk-secret", "gpt-4o-mini");
        ServerFactory lenient = () -> FakeLlmApis.lenientOpenAi("lm-studio-model");
        return Stream.of(
                // server, URL suffix typed by the user, expected API, expected base-URL suffix, first model
                Arguments.of("ollama", ollama, "", Api.OLLAMA_CHAT, "", "llama3.2:latest"),
                Arguments.of("ollama, URL with /v1", ollama, "/v1", Api.OLLAMA_CHAT, "", "llama3.2:latest"),
                Arguments.of("ollama, trailing slash", ollama, "/", Api.OLLAMA_CHAT, "", "llama3.2:latest"),
                Arguments.of("generate only", generateOnly, "", Api.OLLAMA_GENERATE, "", "llama2:latest"),
                Arguments.of("openai", openAi, "", Api.OPENAI, "/v1", "local-model"),
                Arguments.of("openai, URL with /v1", openAi, "/v1/", Api.OPENAI, "/v1", "local-model"),
                Arguments.of("openai needing a key", openAiWithKey, "/v1", Api.OPENAI, "/v1", null),
                Arguments.of("JSON errors on every path", lenient, "", Api.OPENAI, "/v1", "lm-studio-model"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void detectsTheApiByTheShapeOfItsAnswers(String description, ServerFactory factory, String suffix, Api expected,
            String baseSuffix, String firstModel) throws Exception {
        try (FakeHttpServer server = factory.start()) {
            ApiDetection detection = detector.detect(server.url() + suffix);

            assertThat(detection.api()).isEqualTo(expected);
            assertThat(detection.baseUrl()).isEqualTo(server.url() + baseSuffix);
            if (firstModel == null) {
                assertThat(detection.models()).isEmpty();
            } else {
                assertThat(detection.models()).first().isEqualTo(firstModel);
            }
        }
    }

    @Test
    void ollamaIsProbedWithoutNamingAModelSoNothingIsLoaded() throws Exception {
        try (FakeHttpServer server = FakeLlmApis.ollama("llama3.2:latest")) {
            detector.detect(server.url());

            assertThat(server.requests()).filteredOn(request -> request.method().equals("POST"))
                    .allSatisfy(request -> assertThat(request.body()).contains("\"model\":\"\""));
        }
    }

    @Test
    void aServerThatAnswersEverythingWith404IsNoApi() throws Exception {
        try (FakeHttpServer server = new FakeHttpServer()) {
            assertThatThrownBy(() -> detector.detect(server.url()))
                    .isInstanceOf(LlmException.class)
                    .hasMessageContaining("speaks none of ollama-chat, ollama-generate, openai")
                    .hasMessageContaining("GET /api/tags → 404 not JSON");
        }
    }

    @Test
    void aClosedPortIsReportedAsNothingAnswering() throws Exception {
        String url = FakeHttpServer.closedPortUrl();

        assertThatThrownBy(() -> detector.detect(url))
                .isInstanceOf(LlmException.class)
                .hasMessage("Nothing answers at " + url + " (connection refused). Check the address and that"
                        + " the server is running.");
    }

    @Test
    void aStuckServerIsGivenUpAfterTheTimeout() throws Exception {
        try (FakeHttpServer server = FakeLlmApis.ollama("llama3.2").answeringAfter(5_000)) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> new ApiDetector(Duration.ofMillis(300)).detect(server.url()))
                    .hasMessageContaining("no answer within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void rejectsWhatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> detector.detect("localhost:11434"))
                .isInstanceOf(LlmException.class).hasMessageContaining("not an http:// or https:// URL");
    }

    @Test
    void aServerSendingBodiesWithoutEndAnswersButSpeaksNoKnownApi() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            byte[] block = "{\"models\": [".repeat(1000).getBytes(StandardCharsets.UTF_8);
            try (OutputStream body = exchange.getResponseBody()) {
                while (true) {
                    body.write(block);
                }
            } catch (IOException clientWentAway) {
                exchange.close();
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();

            assertThatThrownBy(() -> detector.detect(url)).isInstanceOf(LlmException.class)
                    .hasMessageStartingWith(url + " speaks none of ollama-chat, ollama-generate, openai (GET /api/tags"
                            + " → 200 not JSON");
        } finally {
            server.stop(0);
        }
    }
}
