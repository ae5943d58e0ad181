package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.CliRun;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeLlmApis;
import dev.parley.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DiagnosticsCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Path threeProviders(FakeHttpServer ollama, FakeHttpServer openAi, String closedUrl) throws Exception {
        return TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local: {type: ollama, base-url: "%s", model: llama3.2}
                    remote: {type: openai-compatible, base-url: "%s/v1", model: gpt-4o-mini, api-key-env: PARLEY_TEST_UNSET_KEY}
                    down: {type: ollama, base-url: "%s", model: qwen3:0.6b}
                """.formatted(ollama.url(), openAi.url(), closedUrl));
    }

    @Test
    void providersListsEveryProviderMarksTheActiveOneAndSaysWhatToFix() throws Exception {
        try (FakeHttpServer ollama = FakeLlmApis.ollama("llama3.2:latest");
                FakeHttpServer openAi = FakeLlmApis.openAi("sk-x", "gpt-4o-mini")) {
            Path config = threeProviders(ollama, openAi, FakeHttpServer.closedPortUrl());

            CliRun run = CliRun.of("providers", "--config", config.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines().filter(line -> line.startsWith("* "))).singleElement().satisfies(line ->
                    assertThat(line).contains("local").contains("ollama").contains("llama3.2").contains(ollama.url())
                            .contains("yes").contains("not needed").contains("available"));
            assertThat(run.out())
                    .contains("    → set PARLEY_TEST_UNSET_KEY (export PARLEY_TEST_UNSET_KEY=...)")
                    .contains("    → start Ollama: ollama serve (not reachable: connection refused)")
                    .contains("2 of 3 need attention.");
        }
    }

    @Test
    void providersJsonCarriesEachCheck() throws Exception {
        try (FakeHttpServer ollama = FakeLlmApis.ollama("llama3.2:latest");
                FakeHttpServer openAi = FakeLlmApis.openAi("sk-x", "gpt-4o-mini")) {
            Path config = threeProviders(ollama, openAi, FakeHttpServer.closedPortUrl());

            CliRun run = CliRun.of("providers", "--json", "--config", config.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.path("active").asText()).isEqualTo("local");
            JsonNode local = report.path("providers").get(0);
            assertThat(local.path("healthy").asBoolean()).isTrue();
            assertThat(local.path("model_status").asText()).isEqualTo("available");
            assertThat(local.path("advice")).isEmpty();
            JsonNode remote = report.path("providers").get(1);
            assertThat(remote.path("key").asText()).isEqualTo("missing");
            assertThat(remote.path("reachable").asBoolean()).isTrue();
            JsonNode down = report.path("providers").get(2);
            assertThat(down.path("reachable").asBoolean()).isFalse();
            assertThat(down.path("advice").get(0).asText()).startsWith("start Ollama: ollama serve");
        }
    }

    @Test
    void testShowsAModelNameAndAReplyOnOneLineEachWithoutObeyingThem() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("ready\nparley: ERROR fake"))) {
            Path config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl());
            Files.writeString(config, Files.readString(config)
                    .replace("model: scripted", "model: \"scripted\\e]0;PWNED\\a\\nparley: ERROR fake\""));

            CliRun run = CliRun.of("test", "--config", config.toString());

            assertThat(run.out()).doesNotContain("\u001B").doesNotContain("\u0007")
                    .contains("scripted␛]0;PWNED␇␊parley: ERROR fake").contains("reply:       ready␊parley: ERROR fake");
            assertThat(run.out().lines()).noneMatch(line -> line.startsWith("parley:"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"}) // the keyless protocols this config can use
    void testSendsTheShortPromptAndReportsTheReplyAndTimes(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("Re", "ady.").firstAfter(300))) {
            Path config = TestConfigs.withProvider(folder,
                    protocol == Protocol.OPENAI ? "openai-compatible" : "ollama", server.baseUrl());

            CliRun run = CliRun.of("test", "--config", config.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("provider:    local (").contains("reply:       Ready.");
            long firstToken = millis(run.out(), "first token:");
            assertThat(firstToken).isGreaterThanOrEqualTo(300);
            assertThat(millis(run.out(), "total:")).isGreaterThanOrEqualTo(firstToken);
            JsonNode messages = server.requests().getFirst().path("messages");
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).path("content").asText()).isEqualTo("Reply with the single word: ready");
        }
    }

    private static long millis(String out, String label) {
        String line = out.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
        return Long.parseLong(line.substring(label.length()).replace("ms", "").strip());
    }

    @Test
    void testJsonReportsTheNamedProvider() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("ready"))) {
            Path config = TestConfigs.write(folder, """
                    llm:
                      active: dead
                      providers:
                        dead: {type: ollama, base-url: "%s", model: x}
                        good: {type: ollama, base-url: "%s", model: llama3.2}
                    """.formatted(FakeHttpServer.closedPortUrl(), server.baseUrl()));

            CliRun run = CliRun.of("test", "good", "--json", "--config", config.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode result = JSON.readTree(run.out());
            assertThat(result.path("provider").asText()).isEqualTo("good");
            assertThat(result.path("ok").asBoolean()).isTrue();
            assertThat(result.path("reply").asText()).isEqualTo("ready");
            assertThat(result.path("first_token_ms").asLong()).isNotNegative();
            assertThat(result.path("total_ms").asLong()).isGreaterThanOrEqualTo(result.path("first_token_ms").asLong());
            assertThat(result.path("error").isNull()).isTrue();
        }
    }

    @Test
    void testOfAnUnreachableProviderFailsWithTheProviderError() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", FakeHttpServer.closedPortUrl());

        CliRun run = CliRun.of("test", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("parley: Provider 'local'").contains("not reachable").contains("ollama serve");
    }

    @Test
    void testJsonOfAProviderWithoutItsKeyFailsWithOkFalse() throws Exception {
        Path config = TestConfigs.write(folder, """
                llm:
                  active: openai
                  providers:
                    openai: {type: openai, base-url: "http://127.0.0.1:9/v1", model: gpt-4o-mini, api-key-env: PARLEY_TEST_UNSET_KEY}
                """);

        CliRun run = CliRun.of("test", "--json", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("error").asText()).contains("set the environment variable PARLEY_TEST_UNSET_KEY");
    }

    @Test
    void testOfAnUnknownProviderNamesTheConfiguredOnes() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");

        CliRun run = CliRun.of("test", "nope", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no provider 'nope'").contains("local");
    }

    @Test
    void detectPrintsTheApiAndAnOllamaConfigEntry() throws Exception {
        try (FakeHttpServer ollama = FakeLlmApis.ollama("llama3.2:latest")) {
            CliRun run = CliRun.of("detect", ollama.url());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains(ollama.url() + " speaks ollama-chat.")
                    .contains("Models: llama3.2:latest")
                    .contains("    type: ollama\n    base-url: " + ollama.url() + "\n    model: llama3.2:latest");
        }
    }

    @Test
    void detectShowsAModelNameWithEscapeSequencesWithoutObeyingThem() throws Exception {
        try (FakeHttpServer ollama = FakeLlmApis.ollama("llama\u001B]0;pwned\u0007\u001B[2J")) {
            CliRun run = CliRun.of("detect", ollama.url());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).doesNotContain("\u001B").doesNotContain("\u0007")
                    .contains("Models: llama␛]0;pwned␇␛[2J").contains("    model: \"llama\\e]0;pwned\\a\\e[2J\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil\n    base-url: http://attacker.example", "a: b #c", "x\u2028y", "a\u202Eb",
            "iso\u2066x\u2069"})
    void detectQuotesAModelIdSoThePastedEntryHasExactlyThatModel(String id) throws Exception {
        try (FakeHttpServer ollama = FakeLlmApis.ollama(id)) {
            CliRun run = CliRun.of("detect", ollama.url());

            assertThat(run.exitCode()).as(run.err()).isZero();
            String entry = run.out().substring(run.out().indexOf("  local:"));
            assertThat(entry.lines()).hasSize(4);
            Map<?, ?> pasted = new ObjectMapper(new YAMLFactory()).readValue("local:" + entry.substring(8), Map.class);
            assertThat(((Map<?, ?>) pasted.get("local")).get("model")).isEqualTo(id);
            assertThat(((Map<?, ?>) pasted.get("local")).get("base-url")).isEqualTo(ollama.url());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/v1"})
    void detectSuggestsAnOpenAiCompatibleEntryWithTheV1BaseUrl(String suffix) throws Exception {
        try (FakeHttpServer openAi = FakeLlmApis.openAi(null, "local-model")) {
            CliRun run = CliRun.of("detect", "--json", openAi.url() + suffix);

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode result = JSON.readTree(run.out());
            assertThat(result.path("api").asText()).isEqualTo("openai");
            assertThat(result.path("type").asText()).isEqualTo("openai-compatible");
            assertThat(result.path("base_url").asText()).isEqualTo(openAi.url() + "/v1");
        }
    }

    @Test
    void detectWithJsonSaysOnStdoutWhenNothingAnswers() throws Exception {
        CliRun run = CliRun.of("detect", "--json", "http://127.0.0.1:9");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.path("ok").asBoolean(true)).isFalse();
        assertThat(result.path("error").asText()).startsWith("Nothing answers at");
    }

    @Test
    void detectNotesThatAGenerateOnlyServerLacksTheChatRoute() throws Exception {
        try (FakeHttpServer old = FakeLlmApis.ollamaGenerateOnly("llama2:latest")) {
            CliRun run = CliRun.of("detect", old.url());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("speaks ollama-generate.").contains("/api/chat");
        }
    }

    @Test
    void detectFailsOnAServerThatSpeaksNoLlmApi() throws Exception {
        try (FakeHttpServer web = new FakeHttpServer()) {
            CliRun run = CliRun.of("detect", web.url());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("parley: " + web.url() + " speaks none of");
        }
    }

    @Test
    void detectFailsWhenNothingAnswers() throws Exception {
        String url = FakeHttpServer.closedPortUrl();

        CliRun run = CliRun.of("detect", url);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Nothing answers at " + url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"providers", "test", "detect"})
    void eachDiagnosticCommandHasHelpAndIsListed(String command) {
        CliRun help = CliRun.of(command, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: parley " + command).contains("--json");
        assertThat(CliRun.of("--help").out()).contains(command);
    }
}
