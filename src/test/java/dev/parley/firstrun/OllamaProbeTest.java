package dev.parley.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.testing.TestConfigs;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OllamaProbeTest {

    private final OllamaProbe probe = new OllamaProbe(Duration.ofMillis(1500));

    @Test
    void listsTheModelsOfARunningOllama() throws Exception {
        String tags = """
                {"models":[{"name":"llama3.2:latest","model":"llama3.2:latest","size":2019393189},
                           {"name":"qwen2.5:0.5b","model":"qwen2.5:0.5b"}]}""";
        try (FakeHttp ollama = new FakeHttp("/api/tags", 200, tags)) {
            OllamaProbe.Status status = probe.probe(ollama.url());

            assertThat(status.running()).isTrue();
            assertThat(status.models()).containsExactly("llama3.2:latest", "qwen2.5:0.5b");
            assertThat(status.describe()).contains("Ollama runs at").contains("llama3.2:latest");
            assertThat(ollama.requests).containsExactly("/api/tags");
        }
    }

    @Test
    void theWelcomeLooksWhereTheConfigsOllamaIsAndShowsNoPasswordWrittenInIt() throws Exception {
        Path folder = Files.createTempDirectory("ollama-probe");
        ParleyConfig elsewhere = new ConfigLoader().load(TestConfigs.write(folder, """
                llm:
                  active: ollama
                  providers:
                    ollama:
                      type: ollama
                      base-url: http://parley:s3cret-pass@127.0.0.1:9/
                      model: llama3.2
                """));
        ParleyConfig noUrl = new ConfigLoader().load(TestConfigs.withSection(folder, ""));

        assertThat(OllamaProbe.urlIn(elsewhere)).isEqualTo(URI.create("http://parley:s3cret-pass@127.0.0.1:9/"));
        assertThat(OllamaProbe.urlIn(noUrl)).isEqualTo(OllamaProbe.DEFAULT_URL);
        assertThat(probe.probe(OllamaProbe.urlIn(elsewhere)).describe()).startsWith("no Ollama at http://***@127.0.0.1:9/")
                .doesNotContain("s3cret");
    }

    @Test
    void aRunningOllamaWithoutModelsSaysWhatToPull() throws Exception {
        try (FakeHttp ollama = new FakeHttp("/api/tags", 200, "{\"models\":[]}")) {
            OllamaProbe.Status status = probe.probe(URI.create(ollama.url() + "/"));

            assertThat(status.running()).isTrue();
            assertThat(status.models()).isEmpty();
            assertThat(status.describe()).contains("ollama pull");
        }
    }

    @Test
    void nothingListeningIsNotRunning() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        OllamaProbe.Status status = probe.probe(URI.create("http://127.0.0.1:" + freePort));

        assertThat(status.running()).isFalse();
        assertThat(status.describe()).startsWith("no Ollama at");
    }

    @Test
    void anotherServerOnThePortIsNotTakenForOllama() throws Exception {
        try (FakeHttp other = new FakeHttp("/api/tags", 200, "{\"data\":[]}")) {
            assertThat(probe.probe(other.url()).running()).isFalse();
        }
        try (FakeHttp broken = new FakeHttp("/api/tags", 500, "{}")) {
            OllamaProbe.Status status = probe.probe(broken.url());
            assertThat(status.running()).isFalse();
            assertThat(status.problem()).contains("HTTP 500");
        }
    }
}
