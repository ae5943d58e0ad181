package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testing.TestConfigs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Config files a hostile or careless hand wrote: each is refused with one sentence naming the file, the
 * key and, where the parser knows it, the line; never a NullPointerException or Jackson's internals.
 */
class HostileConfigTest {

    private static final String PROVIDERS = RefusedConfigs.ONE_PROVIDER;

    @TempDir
    Path folder;

    private final ConfigLoader loader = new ConfigLoader();

    private void assertRefused(String yaml, String... messageParts) throws IOException {
        RefusedConfigs.assertRefused(TestConfigs.write(folder, yaml), messageParts);
    }

    @Test
    void anEmptyLlmSectionIsNamed() throws IOException {
        assertRefused("llm: null\n", "llm is empty", "active", "providers");
        assertRefused("llm:\n", "llm is empty");
    }

    @Test
    void deeplyNestedYamlIsRefused() throws IOException {
        assertRefused("llm: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n", "line 1",
                "llm: must be a section of keys, not a list");
        assertRefused("a: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n", "nested");
        assertRefused(PROVIDERS + "x: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n", "nested more than 1000 levels");
    }

    @Test
    void aMissingLlmSectionIsNamed() throws IOException {
        assertRefused("tts: {rate: 1.0}\n", "llm is missing, and Parley needs it");
    }

    @Test
    void aPartialChunkerSectionTakesTheDefaultsForWhatIsLeftOut() throws IOException {
        Path file = TestConfigs.write(folder, PROVIDERS + "chunker:\n  max-chunk-chars: 300\n");

        ChunkerConfig chunker = loader.load(file).chunker();

        assertThat(chunker.maxChunkChars()).isEqualTo(300);
        assertThat(chunker.firstChunkMinWords()).isEqualTo(3);
    }

    @Test
    void anEmptyEntryInTheFallbackListIsNamed() throws IOException {
        assertRefused(PROVIDERS + "  fallback: [a, null]\n", "line ", "llm.fallback has an empty entry (number 2 of 2)");
    }

    @Test
    void anEmptyMcpServerIsNamed() throws IOException {
        assertRefused(PROVIDERS + "  mcp:\n    files:\n", "llm.mcp.files is empty");
    }

    @Test
    void anEmptyEntryInAnMcpCommandIsNamed() throws IOException {
        assertRefused(PROVIDERS + "  mcp:\n    files: {command: [npx, null]}\n", "llm.mcp.files.command has an empty entry (number 2 of 2)");
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHugeFileIsRefusedBeforeItIsParsed() throws IOException {
        Path file = folder.resolve("config.yaml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((PROVIDERS + "  system-prompt: \"").getBytes(StandardCharsets.UTF_8));
            byte[] block = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
            out.write("\"\n".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + " is 50 MB")
                .hasMessageContaining("at most 1 MB");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "temperature: -50   | llm.providers.a.temperature is -50.0 but must be between 0 and 2",
            "temperature: 3     | llm.providers.a.temperature is 3.0",
            "max-tokens: -1     | llm.providers.a.max-tokens is -1 but must be between 1 and 1000000",
            "max-tokens: 0      | llm.providers.a.max-tokens is 0",
            "timeout-seconds: 99999 | llm.providers.a.timeout-seconds is 99999; it must be between 1 and 3600",
            "temperature: .inf  | line 7: llm.providers.a.temperature must be a finite number (found .inf)",
            "temperature: -.Inf | line 7: llm.providers.a.temperature must be a finite number (found -.Inf)",
            "temperature: .nan  | line 7: llm.providers.a.temperature must be a finite number (found .nan)",
            "temperature: 1e999 | llm.providers.a.temperature must be a finite number (found Infinity)",
            "temperature: NaN   | llm.providers.a.temperature must be a finite number (found NaN)",
            "top-p: .nan        | line 7: llm.providers.a.top-p must be a finite number (found .nan)",
            "top-p: Infinity    | line 7: llm.providers.a.top-p must be a finite number (found Infinity)",
            "max-tokens: 99999999999999999999 | line 7: llm.providers.a.max-tokens must be a whole number up to"
                    + " 2147483647 (found 99999999999999999999)",
            "seed: -99999999999999999999 | line 7: llm.providers.a.seed must be a whole number down to -2147483648",
            "timeout-seconds: .inf | line 7: llm.providers.a.timeout-seconds must be a whole number (found .inf)",
            "base-url: http://localhost:99999 | line 7: llm.providers.a.base-url 'http://localhost:99999' has port 99999,"
                    + " but a port is 1 to 65535",
            "base-url: http://localhost:0 | line 7: llm.providers.a.base-url 'http://localhost:0' has port 0",
    })
    void absurdProviderNumbersAreRefusedNamingTheKey(String setting, String message) throws IOException {
        assertRefused("""
                llm:
                  active: a
                  providers:
                    a:
                      type: ollama
                      model: m
                      %s
                """.formatted(setting.strip()), message.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "temperature: hot       | line 7: llm.providers.a.temperature must be a number (found 'hot')",
            "max-tokens: lots       | line 7: llm.providers.a.max-tokens must be a whole number (found 'lots')",
            "top-k: [1, 2]          | line 7: llm.providers.a.top-k: must be a whole number, not a list",
            "max-tokens: 1.5        | line 7: llm.providers.a.max-tokens must be a whole number, written in digits (found 1.5)",
    })
    void valuesOfTheWrongKindNameTheKeyTheLineAndWhatWasFound(String setting, String message) throws IOException {
        assertRefused(PROVIDERS.replace("a: {type: ollama, model: m}", "a:\n      type: ollama\n      model: m\n      "
                + setting.strip()), message.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tts: {rate: fast}                       | line 5: tts.rate must be a number (found 'fast')",
            "tts: {rate: .NaN}                       | line 5: tts.rate must be a finite number (found .NaN)",
            "tts: {volume: Infinity}                 | line 5: tts.volume must be a finite number (found Infinity)",
            "api: {enabled: maybe}                   | line 5: api.enabled must be true or false (found 'maybe')",
            "audio: {pre-roll-ms: .inf}              | line 5: audio.pre-roll-ms must be a whole number (found .inf)",
            "conversation: {max-context-tokens: }    | line 5: conversation.max-context-tokens is missing or empty;"
                    + " it must be a whole number",
            "conversation: {max-context-tokens: 1e10} | line 5: conversation.max-context-tokens must be a whole number"
                    + " up to 2147483647, written in digits (found 10000000000)",
            "conversation: {max-context-tokens: 99999999999} | line 5: conversation.max-context-tokens must be a whole"
                    + " number up to 2147483647 (found 99999999999)",
    })
    void wrongValuesOutsideTheProvidersNameTheKeyToo(String setting, String message) throws IOException {
        assertRefused(PROVIDERS + setting.strip() + "\n", message.strip());
    }

    @Test
    void aLongValueIsShownShortenedWithoutItsControlCharacters() throws IOException {
        String value = "\\u0007bell and then " + "very ".repeat(20) + "long";

        assertRefused(PROVIDERS + "audio: {pre-roll-ms: \"" + value + "\"}\n",
                "audio.pre-roll-ms must be a whole number (found 'bell and then very very very very very very very very very…')");
    }

    /** In each row ~ is a line break of the file, and LONG 1,000 x's. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            base-url      | llm:~  active: a~  providers:~    a: {type: ollama, model: m, base-url: ftp://LONG}~ | line 4: llm.providers.a.base-url 'ftp://xxx
            active        | llm:~  active: LONG~  providers:~    a: {type: ollama, model: m}~ | line 2: llm.active is 'xxx
            theme         | ui: {theme: LONG}~                                                  | line 5: ui.theme is 'xxx
            fallback      | llm:~  active: a~  fallback: [LONG]~  providers:~    a: {type: ollama, model: m}~ | line 3: llm.fallback names 'xxx
            mcp url       | llm:~  active: a~  providers:~    a: {type: ollama, model: m}~  mcp:~    s: {url: ftp://LONG}~ | line 6: llm.mcp.s.url must start with http:// or https://, not 'ftp://xxx
            provider type | llm:~  active: a~  providers:~    a: {type: LONG, model: m}~ | unknown provider type 'xxx
            unknown key   | ui:~  LONG: 1~                                                      | …: unknown key 'xxx
            global key    | ui: {global-push-to-talk-key: LONG}~                                | line 5: ui.global-push-to-talk-key is 'xxx
            wake word     | voice: {wake-word: LONG}~                                           | line 5: voice.wake-word is 'xxx
            """)
    void aLongValueIsEchoedCutShortAfterItsKeyAndLine(String what, String yaml, String start) throws IOException {
        String file = yaml.replace('~', '\n').replace("LONG", "x".repeat(1_000)); // YAML's longest key
        Path config = TestConfigs.write(folder, file.startsWith("llm:") ? file : PROVIDERS + file);

        assertThatThrownBy(() -> loader.load(config)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(start)
                        .hasSizeLessThan(config.toString().length() + 400)
                        .containsPattern("x{" + (ShownValues.MAX_CHARS - 8) + "}x*…'"));
    }

    @Test
    void aTabIndentingALineIsNamedWithItsLineAndTheFix() throws IOException {
        assertRefused("llm:\n  active: a\n\tproviders:\n", "line 3: a tab indents this line, and YAML indents with"
                + " spaces only; replace the tab with spaces");
    }

    @Test
    void anUnclosedBraceIsNamedWithWhereItOpened() throws IOException {
        assertRefused("llm:\n  active: a\n  providers: {a: {type: ollama, model: m}\n",
                "line 4: a { opened at line 3 is not closed where YAML expects it");
    }

    @Test
    void binaryDataWhereANumberGoesIsNamed() throws IOException {
        assertRefused(PROVIDERS.replace("model: m}", "model: m, temperature: !!binary aGVsbG8=}"),
                "llm.providers.a.temperature must be a number (found binary data)");
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsLine() throws IOException {
        assertRefused("""
                llm:
                  active: a
                  providers:
                    a: {type: ollama, model: m}
                  active: b
                """, "line 5", "the key 'active' appears twice in the same section");
    }

    @Test
    void aYamlAliasIsRefusedNamingItsKeyAndLineInsteadOfReadAsItsName() throws IOException {
        // Jackson reads *mic as the text "mic", which would pick another device without a word.
        assertRefused(PROVIDERS + "audio:\n  input-device: &mic USB Headset\ntts:\n  output-device: *mic\n",
                "line 8: tts.output-device is written as the YAML alias *mic", "write the value out");
        assertRefused("""
                llm:
                  active: b
                  providers:
                    a: &base {type: ollama, model: m}
                    b:
                      <<: *base
                      model: n
                """, "line 6: llm.providers.b.<< is written as the YAML alias *base");
        assertRefused(PROVIDERS + "api:\n  allowed-origins: [&o http://localhost:3000, *o]\n",
                "line 6: api.allowed-origins item 2 is written as the YAML alias *o");
    }

    @Test
    void anAliasBombIsRefused() throws IOException {
        StringBuilder yaml = new StringBuilder(PROVIDERS + "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("x").append(i).append(": &a").append(i).append(" [");
            yaml.append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        assertRefused(yaml.toString(), "line");
    }
}
