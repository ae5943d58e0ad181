package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped config.yaml is the reference users read: each value it writes is what Parley uses
 * when the line is left out, and each example its comments give loads once uncommented.
 */
class ShippedValuesAreDefaultsTest {

    @TempDir
    Path folder;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void everyValueTheShippedFileWritesIsTheDefaultOfAFileWithoutIt() throws IOException {
        ParleyConfig shipped = loader.load(Path.of("config.yaml"));
        ParleyConfig bare = loader.load(TestConfigs.write(folder, """
                llm: {active: ollama, providers: {ollama: {type: ollama, model: llama3.2}}}
                """));

        assertThat(shipped.stt()).isEqualTo(bare.stt());
        assertThat(shipped.tts()).isEqualTo(bare.tts());
        assertThat(shipped.audio()).isEqualTo(bare.audio());
        assertThat(shipped.voice()).isEqualTo(bare.voice());
        assertThat(shipped.ui()).isEqualTo(bare.ui());
        assertThat(shipped.api()).isEqualTo(bare.api());
        assertThat(shipped.chunker()).isEqualTo(bare.chunker());
        assertThat(shipped.conversation()).isEqualTo(bare.conversation());
        assertThat(shipped.logging()).isEqualTo(bare.logging());
        assertThat(shipped.usage().prices()).isEqualTo(bare.usage().prices());
        assertThat(shipped.usage().budget().dailyLimit()).isEqualTo(bare.usage().budget().dailyLimit());
        assertThat(shipped.usage().budget().monthlyLimit()).isEqualTo(bare.usage().budget().monthlyLimit());
        assertThat(shipped.llm()).usingRecursiveComparison().ignoringFields("providers").isEqualTo(bare.llm());
    }

    @Test
    void theExamplesInTheShippedCommentsLoadOnceUncommented() throws IOException {
        String shipped = Files.readString(Path.of("config.yaml"));
        String uncommented = replaceOnce(shipped, "  # mcp:\n  #   files: ", "  mcp:\n    files: ");
        uncommented = replaceOnce(uncommented, "\n  #   remote: ", "\n    remote: ");
        uncommented = replaceOnce(uncommented, "      # budget: {daily: 2.00", "      budget: {daily: 2.00");
        uncommented = replaceOnce(uncommented, "    # embedded:\n    #   type: embedded\n    #   model: ",
                "    embedded:\n      type: embedded\n      model: ");
        uncommented = replaceOnce(uncommented, "    #   max-tokens: 256", "      max-tokens: 256");
        uncommented = replaceOnce(uncommented, "  #   my-model: {input: 0.50, output: 1.50}\n  prices: {}",
                "  prices:\n    my-model: {input: 0.50, output: 1.50}");

        ParleyConfig config = loader.load(TestConfigs.write(folder, uncommented));

        assertThat(config.llm().mcp()).containsOnlyKeys("files", "remote");
        assertThat(config.llm().providers().get("openai").budget().dailyLimit()).isEqualTo(2.00);
        assertThat(config.llm().providers().get("embedded").type()).isEqualTo(ProviderType.EMBEDDED);
        assertThat(config.usage().prices()).containsKey("my-model");
    }

    private static String replaceOnce(String text, String example, String uncommented) {
        assertThat(text).as("the shipped config.yaml's example").containsOnlyOnce(example);
        return text.replace(example, uncommented);
    }
}
