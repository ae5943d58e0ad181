package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A provider's sampling keys and max-tokens: read, checked against ranges and against what its API has. */
class SamplingConfigTest {

    @TempDir
    Path folder;

    private ProviderConfig load(String type, String keys) throws IOException {
        return new ConfigLoader().load(TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local:
                      type: %s
                      base-url: http://127.0.0.1:9/v1
                      model: scripted
                %s""".formatted(type, keys.indent(6)))).llm().providers().get("local");
    }

    @Test
    void everySamplingKeyIsRead() throws IOException {
        ProviderConfig provider = load("ollama", """
                temperature: 0.2
                top-p: 0.9
                top-k: 40
                stop: ["User:", "###"]
                seed: 7
                max-tokens: 256
                """);

        assertThat(provider.temperature()).isEqualTo(0.2);
        assertThat(provider.topP()).isEqualTo(0.9);
        assertThat(provider.topK()).isEqualTo(40);
        assertThat(provider.stop()).containsExactly("User:", "###");
        assertThat(provider.seed()).isEqualTo(7);
        assertThat(provider.maxTokens()).isEqualTo(256);
    }

    @Test
    void absentKeysLeaveTheProvidersDefaults() throws IOException {
        ProviderConfig provider = load("gemini", "");

        assertThat(provider.topP()).isNull();
        assertThat(provider.topK()).isNull();
        assertThat(provider.seed()).isNull();
        assertThat(provider.stop()).isEmpty();
    }

    @Test
    void oneStopSequenceMayBeWrittenWithoutBrackets() throws IOException {
        assertThat(load("openai", "stop: \"User:\"").stop()).containsExactly("User:");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "ollama            | 'top-p: 0'            | llm.providers.local.top-p is 0.0 but must be above 0 and at most 1",
            "ollama            | 'top-p: 1.5'          | llm.providers.local.top-p is 1.5",
            "ollama            | 'top-k: 0'            | llm.providers.local.top-k is 0 but must be between 1 and 1000",
            "openai            | 'top-k: 40'           | llm.providers.local.top-k is not supported by type openai; remove it",
            "openai-compatible | 'top-k: 40'           | llm.providers.local.top-k is not supported by type openai-compatible",
            "anthropic         | 'seed: 3'             | llm.providers.local.seed is not supported by type anthropic",
            "embedded          | 'top-p: 0.5'          | llm.providers.local.top-p is not supported by type embedded",
            "openai            | 'stop: [a, b, c, d, e]' | llm.providers.local.stop has 5 sequences but type openai accepts at most 4",
            "ollama            | 'stop: [\"\"]'        | llm.providers.local.stop has an empty sequence",
            "gemini            | 'max-tokens: 0'       | llm.providers.local.max-tokens is 0 but must be between 1 and 1000000",
            "openai            | 'temperature: 3'      | llm.providers.local.temperature is 3.0 but must be between 0 and 2",
            "anthropic         | 'temperature: 1.5'    | llm.providers.local.temperature is 1.5 but must be between 0 and 1 for type anthropic",
    })
    void aValueOutOfRangeOrUnknownToTheApiNamesItsKey(String type, String keys, String message) {
        assertThatThrownBy(() -> load(type, keys))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theEndpointChangesOfTheSettingsWindowKeepTheSampling() throws IOException {
        ProviderConfig provider = load("ollama", "top-k: 20\nseed: 1\nstop: [x]");

        ProviderConfig moved = provider.withEndpoint(ProviderType.GEMINI, null, "gemini-2.5-flash", "KEY");

        assertThat(moved.topK()).isEqualTo(20);
        assertThat(moved.seed()).isEqualTo(1);
        assertThat(moved.stop()).containsExactly("x");
        assertThat(moved.model()).isEqualTo("gemini-2.5-flash");
    }
}
