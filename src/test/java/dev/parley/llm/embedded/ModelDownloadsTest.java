package dev.parley.llm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.conversation.Message;
import dev.parley.llm.ApiKeys;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LanguageModels;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmReply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local server laid out like the Hugging Face Hub (model info API + resolve URLs). */
class ModelDownloadsTest {

    private static final String REPO = "parley-test/tiny-llama";

    @TempDir
    Path temp;

    private Path served;
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> rangeHeaders = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serveTinyModel() throws IOException {
        served = TinyLlama.write(temp.resolve("served"), 7, null);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            authorizations.add(authorization);
        }
        try (exchange) {
            if (path.equals("/api/models/" + REPO)) {
                StringBuilder siblings = new StringBuilder();
                try (Stream<Path> files = Files.list(served)) {
                    for (Path file : files.sorted().toList()) {
                        siblings.append(siblings.isEmpty() ? "" : ",")
                                .append("{\"rfilename\":\"").append(file.getFileName()).append("\"}");
                    }
                }
                send(exchange, 200, ("{\"id\":\"" + REPO + "\",\"siblings\":[" + siblings + ",{\"rfilename\":\"README.md\"},{\"rfilename\":\"consolidated.safetensors\"}]}")
                        .getBytes(StandardCharsets.UTF_8), 0);
                return;
            }
            String prefix = "/" + REPO + "/resolve/main/";
            Path file = path.startsWith(prefix) ? served.resolve(path.substring(prefix.length())) : null;
            if (file == null || !Files.isRegularFile(file)) {
                send(exchange, 404, "not found".getBytes(StandardCharsets.UTF_8), 0);
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            String range = exchange.getRequestHeaders().getFirst("Range");
            if (range != null) {
                rangeHeaders.put(file.getFileName().toString(), range);
                int from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
                send(exchange, 206, bytes, from);
            } else {
                send(exchange, 200, bytes, 0);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes, int from) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length - from);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes, from, bytes.length - from);
        }
    }

    @Test
    void downloadsEveryModelFileWithProgressAndMarksTheFolderComplete() throws IOException {
        List<long[]> safetensorsProgress = new ArrayList<>();
        List<String> files = new CopyOnWriteArrayList<>();
        ModelDownloads downloads = new ModelDownloads(temp.resolve("cache"), baseUrl());

        Path folder = downloads.fetch(REPO, (file, done, total) -> {
            files.add(file);
            if (file.equals("model.safetensors")) {
                safetensorsProgress.add(new long[] {done, total});
            }
        });

        assertThat(folder).isEqualTo(temp.resolve("cache").resolve("parley-test_tiny-llama"));
        for (String name : List.of("config.json", "tokenizer.json", "model.safetensors")) {
            assertThat(folder.resolve(name)).hasSameBinaryContentAs(served.resolve(name));
        }
        assertThat(folder.resolve("README.md")).doesNotExist();
        assertThat(folder.resolve("consolidated.safetensors")).doesNotExist();
        assertThat(folder.resolve(ModelDownloads.COMPLETE_MARKER)).exists();
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
        assertThat(files).contains("config.json", "tokenizer.json", "model.safetensors");
        long size = Files.size(served.resolve("model.safetensors"));
        assertThat(safetensorsProgress).hasSizeGreaterThan(2);
        assertThat(safetensorsProgress.getLast()).containsExactly(size, size);
        assertThat(safetensorsProgress).allSatisfy(update -> assertThat(update[1]).isEqualTo(size));
    }

    @Test
    void aCompleteFolderIsNotFetchedAgain() {
        ModelDownloads downloads = new ModelDownloads(temp.resolve("cache"), baseUrl());
        downloads.fetch(REPO, ModelDownloads.Progress.NONE);
        requests.clear();

        downloads.fetch(REPO, ModelDownloads.Progress.NONE);

        assertThat(requests).isEmpty();
    }

    @Test
    void resumesAPartialFileFromWhereItStopped() throws IOException {
        ModelDownloads downloads = new ModelDownloads(temp.resolve("cache"), baseUrl());
        Path folder = downloads.folderOf(REPO);
        Files.createDirectories(folder);
        byte[] whole = Files.readAllBytes(served.resolve("model.safetensors"));
        Files.write(folder.resolve("model.safetensors.part"), java.util.Arrays.copyOf(whole, 1000));

        downloads.fetch(REPO, ModelDownloads.Progress.NONE);

        assertThat(rangeHeaders).containsEntry("model.safetensors", "bytes=1000-");
        assertThat(folder.resolve("model.safetensors")).hasBinaryContent(whole);
    }

    @Test
    void aTokenIsSentWithEveryRequest() {
        new ModelDownloads(temp.resolve("cache"), baseUrl(), "hf_test").fetch(REPO, ModelDownloads.Progress.NONE);

        assertThat(authorizations).hasSize(requests.size()).containsOnly("Bearer hf_test");
    }

    @Test
    void anUnreachableHostSaysSo() {
        ModelDownloads downloads = new ModelDownloads(temp.resolve("cache"), "http://parley-no-such-host.invalid");

        assertThatThrownBy(() -> downloads.fetch(REPO, ModelDownloads.Progress.NONE))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("Could not download the model " + REPO)
                .hasMessageNotContaining("null");
    }

    @Test
    void aMissingRepositorySaysWhatFailed() {
        ModelDownloads downloads = new ModelDownloads(temp.resolve("cache"), baseUrl());

        assertThatThrownBy(() -> downloads.fetch("nobody/nothing", ModelDownloads.Progress.NONE))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("nobody/nothing")
                .hasMessageContaining("HTTP 404");
        assertThat(downloads.isComplete("nobody/nothing")).isFalse();
    }

    @Test
    void theEmbeddedProviderDownloadsOnFirstUseThenAnswers() {
        List<String> progress = new CopyOnWriteArrayList<>();
        LanguageModels models = new LanguageModels(new ApiKeys(variable -> null),
                new EmbeddedModels(temp.resolve("cache"), (file, done, total) -> progress.add(file)));
        LanguageModel model = models.create("local",
                new ProviderConfig(ProviderType.EMBEDDED, baseUrl(), REPO, null, 0.0, 8, 60));
        List<String> deltas = new CopyOnWriteArrayList<>();

        LlmReply reply = model.reply(List.of(Message.user("Hello there")), deltas::add);

        assertThat(progress).contains("model.safetensors");
        assertThat(deltas).isNotEmpty();
        assertThat(reply.outputTokens()).isBetween(1, 8);
    }
}
