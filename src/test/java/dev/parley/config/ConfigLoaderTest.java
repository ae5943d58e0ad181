package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    @TempDir
    Path folder;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void shippedConfigLoadsWithEveryProviderTheDesignNames() {
        ParleyConfig config = loader.load(Path.of("config.yaml"));

        assertThat(config.llm().active()).isEqualTo("ollama");
        assertThat(config.llm().providers()).containsOnlyKeys("ollama", "openai", "deepseek", "openrouter",
                "anthropic", "gemini");
        assertThat(config.llm().providers().get("ollama").baseUrl()).isEqualTo("http://localhost:11434");
        assertThat(config.llm().providers().get("deepseek").type()).isEqualTo(ProviderType.OPENAI_COMPATIBLE);
        assertThat(config.llm().systemPrompt()).contains("spoken").contains("No markdown");
        assertThat(config.tts().voice()).isEqualTo("cmu-slt-hsmm");
    }

    @Test
    void shippedConfigCommentsEveryKey() throws IOException {
        var lines = Files.readAllLines(Path.of("config.yaml"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean isSectionKey = line.matches("^[a-z-]+:\\s*$");
            if (isSectionKey) {
                assertThat(lines.get(i - 1)).as("comment above top-level key '%s'", line).startsWith("#");
            }
        }
    }

    @Test
    void firstRunCopiesTheShippedConfigIntoTheUserFolder() throws IOException {
        ParleyPaths paths = new ParleyPaths(Path.of("."), folder.resolve("cfg"), folder.resolve("data"),
                folder.resolve("logs"));

        ParleyConfig config = loader.load(null, paths);

        assertThat(paths.userConfigFile()).exists();
        assertThat(Files.readString(paths.userConfigFile())).isEqualTo(Files.readString(Path.of("config.yaml")));
        assertThat(config.source()).isEqualTo(paths.userConfigFile());
    }

    @Test
    void aLinkToAConfigThatIsNotThereIsNamedAndKept() throws IOException {
        ParleyPaths paths = new ParleyPaths(Path.of("."), folder.resolve("cfg"), folder.resolve("data"),
                folder.resolve("logs"));
        Files.createDirectories(paths.configDir());
        Path dotfiles = folder.resolve("dotfiles/parley.yaml"); // the checkout is not there right now
        Files.createSymbolicLink(paths.userConfigFile(), dotfiles);

        assertThatThrownBy(() -> loader.load(null, paths)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("is a link to " + dotfiles + ", which is not there");

        assertThat(Files.isSymbolicLink(paths.userConfigFile())).isTrue(); // not replaced by a fresh file
        assertThat(dotfiles).doesNotExist();
    }

    @Test
    void aLinkToItselfIsNamedAndKept() throws IOException {
        ParleyPaths paths = new ParleyPaths(Path.of("."), folder.resolve("cfg"), folder.resolve("data"),
                folder.resolve("logs"));
        Files.createDirectories(paths.configDir());
        Files.createSymbolicLink(paths.userConfigFile(), Path.of("config.yaml")); // a loop

        assertThatThrownBy(() -> loader.load(null, paths)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("is a link to config.yaml");
        assertThat(Files.isSymbolicLink(paths.userConfigFile())).isTrue();
    }

    @Test
    void aWrongProviderTypeListsTheTypesAsTheConfigSpellsThemUnderEveryLocale() throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            Path config = TestConfigs.write(folder, """
                    llm:
                      active: local
                      providers:
                        local:
                          type: {a: 1}
                          model: m
                    """);

            assertThatThrownBy(() -> loader.load(config)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("one of ollama, openai, openai-compatible, anthropic, gemini, embedded");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    @Timeout(10) // reading the pipe would wait for a writer for ever
    void aPipeInPlaceOfTheConfigIsRefusedNotWaitedOn() throws Exception {
        ParleyPaths paths = new ParleyPaths(Path.of("."), folder.resolve("cfg"), folder.resolve("data"),
                folder.resolve("logs"));
        Files.createDirectories(paths.configDir());
        Process mkfifo = new ProcessBuilder("mkfifo", paths.userConfigFile().toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThatThrownBy(() -> loader.load(null, paths)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not a file (a pipe or a device)");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // the open would wait for ever
    void aPipeGivenAsTheConfigThatNothingWritesToIsRefusedAfterAWait() throws Exception {
        Path pipe = folder.resolve("config-pipe.yaml");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> loader.load(pipe)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Cannot read " + pipe + " (nothing opened this pipe to write into it within"
                        + " 10 s; start the program at its other end first, or give a file).");
    }

    @Test
    void missingSectionsTakeDefaults() throws IOException {
        Path file = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:1");

        ParleyConfig config = loader.load(file);

        assertThat(config.chunker().firstChunkMinWords()).isEqualTo(3);
        assertThat(config.conversation().maxContextTokens()).isEqualTo(6000);
        assertThat(config.tts().voice()).isEqualTo("cmu-slt-hsmm");
        assertThat(config.tts().rate()).isEqualTo(1.0);
        assertThat(config.tts().volume()).isEqualTo(1.0);
        assertThat(config.stt().modelPath()).isEmpty();
    }

    @Test
    void microphoneProcessingDefaultsToEchoCancellationWhenHandsFreeWithTheHighPassFilter() throws IOException {
        Path file = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:1");

        AudioConfig audio = loader.load(file).audio();

        assertThat(audio.echoCancellation()).isEqualTo("auto");
        assertThat(audio.noiseSuppression()).isFalse();
        assertThat(audio.autoGain()).isFalse();
        assertThat(audio.highPassFilter()).isTrue();
        assertThat(audio.cancelsEcho()).as("auto, push-to-talk").isFalse();
        assertThat(loader.load(Path.of("config.yaml")).audio()).isEqualTo(AudioConfig.defaults());
    }

    @ParameterizedTest(name = "echo-cancellation {0}, hands-free {1}: cancels {2}")
    @CsvSource({"auto, true, true", "auto, false, false", "on, false, true", "ON, true, true", "off, true, false"})
    void echoCancellationIsOnWhenAskedForOrAutoAndHandsFree(String mode, boolean handsFree, boolean cancels)
            throws IOException {
        Path file = TestConfigs.write(folder, "llm: {active: a, providers: {a: {type: ollama, model: m}}}\n"
                + "audio: {echo-cancellation: " + mode + ", hands-free: " + handsFree + ", noise-suppression: true,"
                + " auto-gain: true, high-pass-filter: false}");

        AudioConfig audio = loader.load(file).audio();

        assertThat(audio.cancelsEcho()).isEqualTo(cancels);
        assertThat(audio.noiseSuppression()).isTrue();
        assertThat(audio.autoGain()).isTrue();
        assertThat(audio.highPassFilter()).isFalse();
    }

    @Test
    void talkingOverParleyIsOnUnlessTheConfigTurnsItOff() throws IOException {
        Path unset = TestConfigs.write(folder, "llm: {active: a, providers: {a: {type: ollama, model: m}}}\n"
                + "audio: {hands-free: true}");
        assertThat(loader.load(unset).audio().talkOver()).isTrue();

        Path off = TestConfigs.write(folder, "llm: {active: a, providers: {a: {type: ollama, model: m}}}\n"
                + "audio: {hands-free: true, talk-over: false}");
        assertThat(loader.load(off).audio().talkOver()).isFalse();
        assertThat(loader.load(Path.of("config.yaml")).audio().talkOver()).isTrue();
        assertThat(AudioConfig.defaults().talkOver()).isTrue();
    }

    @Test
    void shippedConfigDocumentsTheEmbeddedProviderInAComment() throws IOException {
        String shipped = Files.readString(Path.of("config.yaml"));

        assertThat(shipped).contains("    # embedded:\n    #   type: embedded\n    #   model: tjake/Llama-3.2-1B-Instruct-JQ4");
    }

    @Test
    void embeddedProviderNeedsNeitherKeyNorBaseUrl() throws IOException {
        Path file = TestConfigs.write(folder, "llm: {active: e, providers: {e: {type: embedded, model: owner/tiny}}}");

        ProviderConfig provider = loader.load(file).llm().providers().get("e");

        assertThat(provider.type()).isEqualTo(ProviderType.EMBEDDED);
        assertThat(provider.baseUrl()).isNull();
        assertThat(provider.apiKeyEnv()).isNull();
    }

    @Test
    void relativeModelPathResolvesAgainstTheConfigFolder() throws IOException {
        Path file = TestConfigs.write(folder, """
                stt:
                  model-path: models/my-model
                llm: {active: a, providers: {a: {type: ollama, model: m}}}
                """);

        ParleyConfig config = loader.load(file);

        assertThat(config.speechModel(ParleyPaths.fromEnvironment())).isEqualTo(folder.resolve("models/my-model"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad YAML                | 'llm: [unclosed'                                                               | line 1
            unknown key names line  | 'llm: {active: a, providers: {a: {type: ollama, model: m}}}\\nvoices: x'       | line 2
            unknown key is named    | 'llm: {active: a, providers: {a: {type: ollama, model: m}}}\\nvoices: x'       | unknown key 'voices'
            wake word is words      | 'llm: {active: a, providers: {a: {type: ollama, model: m}}}\\nvoice: {wake-word: "hey <parley>"}' | voice.wake-word is 'hey <parley>' but must be one to four words
            unknown provider type   | 'llm: {active: a, providers: {a: {type: olama, model: m}}}'                    | unknown provider type 'olama'
            type error names key    | 'llm: {active: a, providers: {a: {type: ollama, model: m}}}\\nchunker: {first-chunk-min-words: many, max-chunk-chars: 9}' | chunker.first-chunk-min-words
            missing model           | 'llm: {active: a, providers: {a: {type: ollama}}}'                             | model
            active not configured   | 'llm: {active: b, providers: {a: {type: ollama, model: m}}}'                   | llm.active is 'b'
            compatible needs url    | 'llm: {active: a, providers: {a: {type: openai-compatible, model: m}}}'        | llm.providers.a.base-url is required
            url must be http        | 'llm: {active: a, providers: {a: {type: ollama, model: m, base-url: localhost}}}' | not an http(s) URL
            no llm section          | 'stt: {model-path: x}'                                                         | llm
            context budget in range | 'llm: {active: a, providers: {a: {type: ollama, model: m}}}\\nconversation: {max-context-tokens: 100}' | conversation.max-context-tokens
            chunk bound in range    | 'llm: {active: a, providers: {a: {type: ollama, model: m}}}\\nchunker: {first-chunk-min-words: 4, max-chunk-chars: 5}' | chunker.max-chunk-chars
            rate in range           | 'llm: {active: a, providers: {a: {type: ollama, model: m}}}\\ntts: {voice: v, rate: 3}' | tts.rate is 3.0 but must be between 0.5 and 2.0
            volume in range         | 'llm: {active: a, providers: {a: {type: ollama, model: m}}}\\ntts: {volume: 0}' | tts.volume is 0.0 but must be between 0.1 and 1.0
            echo mode is known      | 'llm: {active: a, providers: {a: {type: ollama, model: m}}}\\naudio: {echo-cancellation: always}' | audio.echo-cancellation is 'always' but must be auto (on when hands-free), on or off
            echo option is boolean  | 'llm: {active: a, providers: {a: {type: ollama, model: m}}}\\naudio: {noise-suppression: loud}' | audio.noise-suppression
            barge-in in range       | 'llm: {active: a, providers: {a: {type: ollama, model: m}}}\\naudio: {barge-in-min-ms: 10}' | audio.barge-in-min-ms is 10 but must be between 50 and 3000
            wake sound is boolean   | 'llm: {active: a, providers: {a: {type: ollama, model: m}}}\\nvoice: {wake-sound: loud}' | voice.wake-sound
            """)
    void invalidConfigFailsWithAMessageNamingTheProblem(String description, String yaml, String expected)
            throws IOException {
        Path file = TestConfigs.write(folder, yaml.replace("\\n", "\n"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(expected);
    }

    @Test
    void missingExplicitFileSaysSo() {
        assertThatThrownBy(() -> loader.load(folder.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not exist");
    }
}
