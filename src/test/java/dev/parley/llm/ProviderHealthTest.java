package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.LlmConfig;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.llm.HealthCheck.KeyStatus;
import dev.parley.llm.HealthCheck.ModelStatus;
import dev.parley.testing.FakeHttpServer;
import dev.parley.testing.FakeLlmApis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderHealthTest {

    private static final ApiKeys KEYS = new ApiKeys(Map.of(
            "OPENAI_API_KEY", "sk-right", "WRONG_KEY", "sk-wrong", "ANTHROPIC_API_KEY", "ant-key",
            "GEMINI_API_KEY", "gem-key")::get);

    private final ProviderHealth health = new ProviderHealth(KEYS, Duration.ofSeconds(2));

    private static ProviderConfig provider(ProviderType type, String baseUrl, String model, String keyEnv) {
        return new ProviderConfig(type, baseUrl, model, keyEnv, null, null, null);
    }

    @Test
    void ollamaWithTheModelPulledIsHealthy() throws Exception {
        try (FakeHttpServer ollama = FakeLlmApis.ollama("llama3.2:latest")) {
            HealthCheck check = health.check("ollama", provider(ProviderType.OLLAMA, ollama.url(), "llama3.2", null), true);

            assertThat(check.reachable()).isTrue();
            assertThat(check.keyStatus()).isEqualTo(KeyStatus.NOT_NEEDED);
            assertThat(check.modelStatus()).isEqualTo(ModelStatus.AVAILABLE);
            assertThat(check.healthy()).isTrue();
            assertThat(check.active()).isTrue();
            assertThat(ollama.requests()).extracting(FakeHttpServer.Request::path).containsExactly("/api/tags");
        }
    }

    @Test
    void aCheckTheUserDidNotAskForLeavesAProviderWithoutItsKeyUncontacted() throws Exception {
        try (FakeHttpServer cloud = FakeLlmApis.openAi(null, "gpt-4o-mini")) {
            ProviderConfig keyless = provider(ProviderType.OPENAI, cloud.url() + "/v1", "gpt-4o-mini", "UNSET_KEY");

            HealthCheck unasked = health.checkIfSetUp("cloud", keyless);

            assertThat(cloud.requests()).as("nothing sent without a key").isEmpty();
            assertThat(unasked.keyStatus()).isEqualTo(KeyStatus.MISSING);
            assertThat(unasked.healthy()).isFalse();
            assertThat(unasked.advice()).containsExactly("set UNSET_KEY (export UNSET_KEY=...)");

            health.check("cloud", keyless); // asked for (Test, `parley providers`): the endpoint is tried
            assertThat(cloud.requests()).isNotEmpty();
        }
    }

    @Test
    void aKeyWithAForbiddenCharacterIsReportedAsInvalidNeverSentAndTheOtherProvidersAreStillChecked()
            throws Exception {
        ApiKeys pasted = new ApiKeys(Map.of("PASTED_KEY", "sk-first\tsecond")::get);
        ProviderHealth checks = new ProviderHealth(pasted, Duration.ofSeconds(2));
        try (FakeHttpServer cloud = FakeLlmApis.openAi(null, "gpt-4o-mini");
                FakeHttpServer ollama = FakeLlmApis.ollama("llama3.2:latest")) {
            Map<String, ProviderConfig> providers = new LinkedHashMap<>();
            providers.put("cloud", provider(ProviderType.OPENAI, cloud.url() + "/v1", "gpt-4o-mini", "PASTED_KEY"));
            providers.put("local", provider(ProviderType.OLLAMA, ollama.url(), "llama3.2", null));
            LlmConfig llm = new LlmConfig("local", null, providers);

            List<HealthCheck> results = checks.check(llm);

            assertThat(results).extracting(HealthCheck::name).containsExactly("cloud", "local");
            assertThat(results.get(0).keyStatus()).isEqualTo(KeyStatus.INVALID);
            assertThat(results.get(0).advice()).singleElement().asString()
                    .startsWith("The API key in PASTED_KEY has a space, line break").doesNotContain("second");
            assertThat(cloud.requests()).as("a key no server takes is never sent").isEmpty();
            assertThat(results.get(1).healthy()).isTrue();
            assertThat(checks.couldAnswer(providers.get("cloud"))).isFalse();
        }
    }

    @Test
    void ollamaWithoutTheModelSaysWhatToPull() throws Exception {
        try (FakeHttpServer ollama = FakeLlmApis.ollama("llama3.2:latest")) {
            HealthCheck check = health.check("ollama", provider(ProviderType.OLLAMA, ollama.url(), "qwen3:0.6b", null), false);

            assertThat(check.modelStatus()).isEqualTo(ModelStatus.MISSING);
            assertThat(check.advice()).containsExactly("ollama pull qwen3:0.6b");
        }
    }

    @Test
    void ollamaThatIsNotRunningSaysHowToStartIt() throws Exception {
        HealthCheck check = health.check("ollama",
                provider(ProviderType.OLLAMA, FakeHttpServer.closedPortUrl(), "llama3.2", null), false);

        assertThat(check.reachable()).isFalse();
        assertThat(check.modelStatus()).isEqualTo(ModelStatus.UNKNOWN);
        assertThat(check.advice()).containsExactly("start Ollama: ollama serve (not reachable: connection refused)");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            "OLLAMA,            '',    'check llm.providers.p.base-url: GET /api/tags answered HTTP 404, not Ollama''s model list'",
            "OPENAI_COMPATIBLE, '',    check llm.providers.p.base-url: GET /models answered HTTP 404 (OpenAI-compatible URLs usually end in /v1)",
            "OPENAI_COMPATIBLE, /v1,   ''",
    })
    void anEndpointThatIsNotTheApiSaysToCheckTheBaseUrl(ProviderType type, String path, String expected) throws Exception {
        try (FakeHttpServer web = new FakeHttpServer()) {
            HealthCheck check = health.check("p", provider(type, web.url() + path, "m", null), false);

            assertThat(check.reachable()).isTrue();
            assertThat(check.modelStatus()).isEqualTo(ModelStatus.UNKNOWN);
            assertThat(check.advice()).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
        }
    }

    @Test
    void openAiSendsTheBearerKeyAndFindsTheModel() throws Exception {
        try (FakeHttpServer openAi = FakeLlmApis.openAi("sk-right", "gpt-4o-mini", "gpt-4o")) {
            HealthCheck check = health.check("openai",
                    provider(ProviderType.OPENAI, openAi.url() + "/v1/", "gpt-4o-mini", "OPENAI_API_KEY"), false);

            assertThat(check.keyStatus()).isEqualTo(KeyStatus.SET);
            assertThat(check.modelStatus()).isEqualTo(ModelStatus.AVAILABLE);
            assertThat(check.healthy()).isTrue();
            assertThat(openAi.requests().getFirst().header("Authorization")).isEqualTo("Bearer sk-right");
        }
    }

    @Test
    void aMissingKeySaysWhichVariableToSet() throws Exception {
        try (FakeHttpServer openAi = FakeLlmApis.openAi("sk-right", "gpt-4o-mini")) {
            HealthCheck check = health.check("openai",
                    provider(ProviderType.OPENAI, openAi.url() + "/v1", "gpt-4o-mini", "UNSET_PARLEY_KEY"), false);

            assertThat(check.reachable()).isTrue();
            assertThat(check.keyStatus()).isEqualTo(KeyStatus.MISSING);
            assertThat(check.modelStatus()).isEqualTo(ModelStatus.UNKNOWN);
            assertThat(check.advice()).containsExactly("set UNSET_PARLEY_KEY (export UNSET_PARLEY_KEY=...)");
            assertThat(openAi.requests().getFirst().header("Authorization")).isNull();
        }
    }

    @Test
    void aRejectedKeyIsToldApartFromAMissingOne() throws Exception {
        try (FakeHttpServer openAi = FakeLlmApis.openAi("sk-right", "deepseek-chat")) {
            HealthCheck check = health.check("deepseek",
                    provider(ProviderType.OPENAI_COMPATIBLE, openAi.url() + "/v1", "deepseek-chat", "WRONG_KEY"), false);

            assertThat(check.keyStatus()).isEqualTo(KeyStatus.REJECTED);
            assertThat(check.advice()).containsExactly("the key in WRONG_KEY was rejected: check it and set it again");
        }
    }

    @Test
    void anOpenAiCompatibleServerWithoutTheModelSaysToChangeTheModel() throws Exception {
        try (FakeHttpServer local = FakeLlmApis.openAi(null, "qwen2.5-7b-instruct")) {
            HealthCheck check = health.check("lmstudio",
                    provider(ProviderType.OPENAI_COMPATIBLE, local.url() + "/v1", "llama-3", null), false);

            assertThat(check.keyStatus()).isEqualTo(KeyStatus.NOT_NEEDED);
            assertThat(check.advice()).containsExactly(
                    "set llm.providers.lmstudio.model to a model the endpoint lists (it has no 'llama-3')");
        }
    }

    @Test
    void anthropicGetsItsKeyAndVersionHeadersAndAcceptsAnAliasForADatedModel() throws Exception {
        try (FakeHttpServer anthropic = FakeLlmApis.anthropic("ant-key", "claude-haiku-4-5-20251001")) {
            HealthCheck check = health.check("anthropic",
                    provider(ProviderType.ANTHROPIC, anthropic.url() + "/v1", "claude-haiku-4-5", "ANTHROPIC_API_KEY"), false);

            assertThat(check.modelStatus()).isEqualTo(ModelStatus.AVAILABLE);
            assertThat(check.healthy()).isTrue();
            assertThat(anthropic.requests().getFirst().header("anthropic-version")).isEqualTo("2023-06-01");
        }
    }

    @Test
    void geminiKeyTravelsInAHeaderNotInTheUrl() throws Exception {
        try (FakeHttpServer gemini = FakeLlmApis.gemini("gem-key", "gemini-2.5-flash")) {
            HealthCheck check = health.check("gemini",
                    provider(ProviderType.GEMINI, gemini.url() + "/v1beta", "gemini-2.5-flash", "GEMINI_API_KEY"), false);

            assertThat(check.modelStatus()).isEqualTo(ModelStatus.AVAILABLE);
            assertThat(gemini.requests().getFirst().query()).doesNotContain("gem-key");
        }
    }

    @Test
    void geminiWithoutAModelListSaysUnknownAndNoMore() throws Exception {
        try (FakeHttpServer gemini = new FakeHttpServer()) {
            HealthCheck check = health.check("gemini",
                    provider(ProviderType.GEMINI, gemini.url() + "/v1beta", "gemini-2.5-flash", "GEMINI_API_KEY"), false);

            assertThat(check.reachable()).isTrue();
            assertThat(check.modelStatus()).isEqualTo(ModelStatus.UNKNOWN);
            assertThat(check.healthy()).isTrue();
        }
    }

    @Test
    void stuckEndpointsAreCheckedInParallelWithinAboutOneTimeout() throws Exception {
        List<FakeHttpServer> stuck = new ArrayList<>();
        try {
            Map<String, ProviderConfig> providers = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                FakeHttpServer server = FakeLlmApis.ollama("llama3.2").answeringAfter(5_000);
                stuck.add(server);
                providers.put("stuck" + i, provider(ProviderType.OLLAMA, server.url(), "llama3.2", null));
            }
            long start = System.nanoTime();

            List<HealthCheck> checks = new ProviderHealth(KEYS, Duration.ofMillis(500))
                    .check(new LlmConfig("stuck0", null, providers));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
            assertThat(checks).extracting(HealthCheck::name).containsExactly("stuck0", "stuck1", "stuck2", "stuck3", "stuck4");
            assertThat(checks).allSatisfy(check -> assertThat(check.advice())
                    .containsExactly("start Ollama: ollama serve (not reachable: no answer within 500 ms)"));
        } finally {
            stuck.forEach(FakeHttpServer::close);
        }
    }

    @Test
    void aCheckStuckBeforeItsRequestIsReportedUnfinishedAndTheReportDoesNotWaitForIt() throws Exception {
        CountDownLatch keychain = new CountDownLatch(1);
        ApiKeys stuckLookup = new ApiKeys(name -> {
            if (name.equals("STUCK_KEY")) {
                try {
                    keychain.await(); // a keychain that does not answer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        });
        try (FakeHttpServer ollama = FakeLlmApis.ollama("llama3.2:latest");
                FakeHttpServer cloud = FakeLlmApis.openAi(null, "gpt-4o-mini")) {
            Map<String, ProviderConfig> providers = new LinkedHashMap<>();
            providers.put("local", provider(ProviderType.OLLAMA, ollama.url(), "llama3.2", null));
            providers.put("cloud", provider(ProviderType.OPENAI, cloud.url() + "/v1", "gpt-4o-mini", "STUCK_KEY"));
            ProviderHealth checks = new ProviderHealth(stuckLookup, Duration.ofMillis(500));

            CompletableFuture<List<HealthCheck>> report = CompletableFuture.supplyAsync(
                    () -> checks.check(new LlmConfig("cloud", null, providers)), Executors.newVirtualThreadPerTaskExecutor());

            List<HealthCheck> results = report.get(20, TimeUnit.SECONDS); // without a limit: never
            assertThat(results.get(0).healthy()).isTrue();
            HealthCheck stuck = results.get(1);
            assertThat(stuck.active()).isTrue();
            assertThat(stuck.reachable()).isFalse();
            assertThat(stuck.keyStatus()).isEqualTo(KeyStatus.UNKNOWN);
            assertThat(stuck.advice()).containsExactly("the check did not finish within 1500 ms (a name lookup or the"
                    + " keychain did not answer): try again, and check llm.providers.cloud.base-url and your network");
        } finally {
            keychain.countDown();
        }
    }

    @ParameterizedTest(name = "{0}: listed {1} is configured {2} → {3}")
    @CsvSource({
            "OLLAMA,            llama3.2:latest,           llama3.2,          true",
            "OLLAMA,            llama3.2:1b,               llama3.2,          false",
            "OLLAMA,            qwen3:0.6b,                qwen3:0.6b,        true",
            "GEMINI,            models/gemini-2.5-flash,   gemini-2.5-flash,  true",
            "GEMINI,            models/gemini-2.5-pro,     gemini-2.5-flash,  false",
            "ANTHROPIC,         claude-haiku-4-5-20251001, claude-haiku-4-5,  true",
            "ANTHROPIC,         claude-haiku-4-5-preview,  claude-haiku-4-5,  false",
            "OPENAI,            gpt-4o-mini,               gpt-4o-mini,       true",
            "OPENAI,            gpt-4o-mini-2024-07-18,    gpt-4o-mini,       false",
            "OPENAI_COMPATIBLE, openai/gpt-4o-mini,        openai/gpt-4o-mini, true",
    })
    void matchesModelNamesTheWayEachApiSpellsThem(ProviderType type, String listed, String configured, boolean same) {
        assertThat(ProviderHealth.names(type, listed, configured)).isEqualTo(same);
    }
}
