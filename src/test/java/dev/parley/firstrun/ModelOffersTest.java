package dev.parley.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.llm.embedded.ModelDownloads;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelOffersTest {

    @TempDir
    Path folder;

    private ParleyConfig shipped() {
        Path file = folder.resolve("config.yaml");
        ConfigLoader.createFromShipped(file);
        return new ConfigLoader().load(file);
    }

    @Test
    void anOllamaOnAnotherMachineIsNotCalledThisComputers() {
        URI remote = URI.create("http://ada:secret@gpu-box.lan:11434");

        assertThat(new ModelOffers.OllamaOffer("llama3.2", remote).describe())
                .isEqualTo("Ollama at gpu-box.lan:11434, model llama3.2 (private, no download)");
        assertThat(new ModelOffers.OllamaOffer("llama3.2", URI.create("http://127.0.0.1:11434")).describe())
                .startsWith("Ollama on this computer");
        assertThat(new ModelOffers.OllamaOffer("llama3.2", URI.create("http://[::1]:11434")).describe())
                .startsWith("Ollama on this computer");
    }

    @Test
    void offersOllamaModelsFirstThenTheEmbeddedModelThenCloudProvidersWithTheirKeyVariables() {
        OllamaProbe.Status ollama = new OllamaProbe.Status(URI.create("http://localhost:11434"), true,
                List.of("llama3.2:latest"), null);
        var embedded = new ModelOffers.EmbeddedOffer(ModelOffers.EMBEDDED_MODEL, 1_250_000_000L, true, false);

        List<ModelOffers.Offer> offers = ModelOffers.list(shipped(), ollama, embedded,
                Map.of("OPENAI_API_KEY", "sk-test")::get);

        assertThat(offers.get(0)).isEqualTo(new ModelOffers.OllamaOffer("llama3.2:latest", OllamaProbe.DEFAULT_URL));
        assertThat(offers.get(1).describe()).contains("1.3 GB download");
        assertThat(offers).filteredOn(o -> o instanceof ModelOffers.CloudOffer).extracting(ModelOffers.Offer::provider)
                .containsExactly("openai", "deepseek", "openrouter", "anthropic", "gemini");
        ModelOffers.Offer openai = offers.stream().filter(o -> o.provider().equals("openai")).findFirst().orElseThrow();
        assertThat(openai.ready()).isTrue();
        assertThat(openai.describe()).contains("$OPENAI_API_KEY, set");
        assertThat(offers.stream().filter(o -> o.provider().equals("gemini")).findFirst().orElseThrow().describe())
                .contains("$GEMINI_API_KEY, not set yet");
    }

    @Test
    void withoutOllamaTheEmbeddedModelComesFirst() {
        OllamaProbe.Status none = new OllamaProbe.Status(URI.create("http://localhost:11434"), false, List.of(), "refused");
        var embedded = new ModelOffers.EmbeddedOffer(ModelOffers.EMBEDDED_MODEL, ModelOffers.EMBEDDED_ESTIMATED_BYTES,
                false, false);

        List<ModelOffers.Offer> offers = ModelOffers.list(shipped(), none, embedded, name -> null);

        assertThat(offers.get(0)).isSameAs(embedded);
        assertThat(offers.get(0).describe()).contains("about 1.0 GB download on first use");
        assertThat(offers).noneMatch(ModelOffers.Offer::ready);
    }

    @Test
    void theDownloadSizeIsTheSumOfTheHubsFileSizes() throws Exception {
        String info = """
                {"id":"tjake/Llama-3.2-1B-Instruct-JQ4","siblings":[
                  {"rfilename":"config.json","size":900},
                  {"rfilename":"model.safetensors","size":987654321},
                  {"rfilename":"tokenizer.json","size":9085657}]}""";
        try (FakeHttp hub = new FakeHttp("/api/models/", 200, info)) {
            var offer = new DownloadSize(Duration.ofSeconds(2)).offer(ModelOffers.EMBEDDED_MODEL,
                    folder.resolve("llm"), hub.url().toString());

            assertThat(offer.sizeKnown()).isTrue();
            assertThat(offer.downloadBytes()).isEqualTo(900 + 987654321 + 9085657);
            assertThat(hub.requests).containsExactly("/api/models/tjake/Llama-3.2-1B-Instruct-JQ4?blobs=true");
        }
    }

    @Test
    void offlineTheEstimateStandsAndADownloadedModelNeedsNoDownload() throws Exception {
        try (FakeHttp hub = new FakeHttp("/api/models/", 503, "{}")) {
            var offline = new DownloadSize(Duration.ofSeconds(2)).offer("a/b", folder.resolve("llm"), hub.url().toString());
            assertThat(offline.sizeKnown()).isFalse();
            assertThat(offline.downloadBytes()).isEqualTo(ModelOffers.EMBEDDED_ESTIMATED_BYTES);

            Path cached = new ModelDownloads(folder.resolve("llm"), hub.url().toString()).folderOf("a/b");
            Files.createDirectories(cached);
            Files.writeString(cached.resolve(".complete"), "");
            var downloaded = new DownloadSize(Duration.ofSeconds(2)).offer("a/b", folder.resolve("llm"), hub.url().toString());
            assertThat(downloaded.ready()).isTrue();
            assertThat(downloaded.describe()).contains("already downloaded");
        }
    }
}
