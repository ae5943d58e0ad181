package dev.parley.firstrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.config.ConfigException;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ConfigWriter;
import dev.parley.config.ParleyConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The welcome's and {@code parley setup}'s choice, written by the one config writer. */
class OfferSavedTest {

    @TempDir
    Path folder;
    Path config;

    @BeforeEach
    void shippedConfig() {
        config = folder.resolve("config.yaml");
        ConfigLoader.createFromShipped(config);
    }

    @Test
    void choosingAnOllamaModelSetsTheActiveProviderAndItsModel() throws Exception {
        choose(new ModelOffers.OllamaOffer("qwen2.5:0.5b", OllamaProbe.DEFAULT_URL));

        ParleyConfig loaded = new ConfigLoader().load(config);
        assertThat(loaded.llm().active()).isEqualTo("ollama");
        assertThat(loaded.llm().providers().get("ollama").model()).isEqualTo("qwen2.5:0.5b");
        assertThat(loaded.llm().providers().get("openai").model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void choosingAModelOfAnOllamaElsewhereSavesItsAddressInAnOllamaEntry() throws Exception {
        Files.writeString(config, "llm:\n  active: openai\n  providers:\n    openai:\n      type: openai\n"
                + "      model: gpt-4o-mini\n      api-key-env: OPENAI_API_KEY\n");

        choose(new ModelOffers.OllamaOffer("qwen2.5:0.5b", URI.create("http://gpu-box.lan:11434///")));

        ProviderConfig ollama = new ConfigLoader().load(config).llm().providers().get("ollama");
        assertThat(ollama.type()).isEqualTo(ProviderType.OLLAMA);
        assertThat(ollama.baseUrl()).isEqualTo("http://gpu-box.lan:11434");
        assertThat(ollama.model()).isEqualTo("qwen2.5:0.5b");
    }

    @Test
    void choosingTheEmbeddedModelUncommentsItsShippedEntry() throws Exception {
        choose(new ModelOffers.EmbeddedOffer(ModelOffers.EMBEDDED_MODEL, 1, true, false));

        ParleyConfig loaded = new ConfigLoader().load(config);
        assertThat(loaded.llm().active()).isEqualTo("embedded");
        assertThat(loaded.llm().providers().get("embedded").type()).isEqualTo(ProviderType.EMBEDDED);
        assertThat(loaded.llm().providers().get("embedded").model()).isEqualTo(ModelOffers.EMBEDDED_MODEL);
        assertThat(Files.readString(config)).contains("# A model that runs inside Parley itself");
    }

    @Test
    void choosingTheEmbeddedModelTwiceKeepsOneEntry() throws Exception {
        choose(new ModelOffers.EmbeddedOffer("a/b", 1, true, false));
        choose(new ModelOffers.EmbeddedOffer("c/d", 1, true, false));

        assertThat(new ConfigLoader().load(config).llm().providers().get("embedded").model()).isEqualTo("c/d");
        assertThat(Files.readString(config).split("\n    embedded:", -1)).hasSize(2);
        assertThat(new ConfigLoader().load(config).llm().providers().get("embedded").maxTokens()).isEqualTo(256);
    }

    @Test
    void choosingACloudProviderOnlySwitchesTheActiveOneAndKeepsComments() throws Exception {
        String before = Files.readString(config);

        choose(new ModelOffers.CloudOffer("anthropic", ProviderType.ANTHROPIC, "claude-haiku-4-5",
                "ANTHROPIC_API_KEY", false));

        String after = Files.readString(config);
        assertThat(new ConfigLoader().load(config).llm().active()).isEqualTo("anthropic");
        assertThat(after).isEqualTo(before.replace("  active: ollama", "  active: anthropic"));
    }

    @Test
    void aConfigThatWouldNotLoadIsLeftAlone() throws Exception {
        Files.writeString(config, "llm:\n  active: ollama\n  providers:\n    ollama:\n      type: ollama\n      model: x\n");

        assertThatThrownBy(() -> choose(new ModelOffers.CloudOffer("openai", ProviderType.OPENAI, "m", "OPENAI_API_KEY", true)))
                .isInstanceOf(ConfigException.class);
        assertThat(Files.readString(config)).contains("active: ollama");
        try (var files = Files.list(folder)) {
            // no candidate or temporary file left; the writers' lock file stays, as lock files do
            assertThat(files).containsExactlyInAnyOrder(config, folder.resolve(".config.yaml.lock"));
        }
    }

    private void choose(ModelOffers.Offer offer) {
        new ConfigWriter().activate(config, offer.provider(), offer.providerEntry(), offer.newEntryDefaults());
    }
}
