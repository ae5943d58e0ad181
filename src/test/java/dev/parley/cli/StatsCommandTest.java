package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.CliRun;
import dev.parley.testing.TestConfigs;
import dev.parley.testing.TemporaryDataDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests through the CLI land in the usage ledger, and `parley stats` sums them per provider. */
class StatsCommandTest {

    @TempDir
    Path folder;

    @RegisterExtension
    final TemporaryDataDir data = new TemporaryDataDir();

    @Test
    void countsRequestsTokensAndFailuresPerProvider() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("One.", " Two."))) {
            Path config = TestConfigs.write(folder, """
                    llm:
                      active: local
                      retry: {max-attempts: 3, initial-delay-ms: 10, max-delay-ms: 20}
                      providers:
                        local: {type: openai-compatible, base-url: "%s", model: gpt-4o-mini}
                        dead: {type: ollama, base-url: "http://127.0.0.1:9", model: llama3.2}
                    """.formatted(server.baseUrl()));
            CliRun.of("ask", "--config", config.toString(), "first");
            CliRun.of("ask", "--config", config.toString(), "second");
            CliRun.of("ask", "--config", config.toString(), "--provider", "dead", "third");

            CliRun stats = CliRun.of("stats", "--config", config.toString(), "--json");

            assertThat(stats.exitCode()).as(stats.err()).isZero();
            var providers = new ObjectMapper().readTree(stats.out()).path("providers");
            assertThat(providers).hasSize(2);
            var local = providers.get(0);
            assertThat(local.path("provider").asText()).isEqualTo("local");
            assertThat(local.path("requests").asInt()).isEqualTo(2);
            assertThat(local.path("errors").asInt()).isZero();
            // The scripted server reports 12 prompt and 7 completion tokens per request.
            assertThat(local.path("input_tokens").asLong()).isEqualTo(24);
            assertThat(local.path("output_tokens").asLong()).isEqualTo(14);
            assertThat(local.path("cost_usd").asDouble()).isPositive();
            var dead = providers.get(1);
            assertThat(dead.path("provider").asText()).isEqualTo("dead");
            // A refused connection is transient: each of the three attempts is a request that failed,
            // and two of them were retries.
            assertThat(dead.path("requests").asInt()).isEqualTo(3);
            assertThat(dead.path("errors").asInt()).isEqualTo(3);
            assertThat(dead.path("retries").asInt()).isEqualTo(2);
            assertThat(local.path("retries").asInt()).isZero();

            assertThat(CliRun.of("stats", "--config", config.toString()).out())
                    .contains("local").contains("gpt-4o-mini").contains("dead");
        }
    }

    @Test
    void saysSoWhenThereIsNoUsageYet() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");

        CliRun stats = CliRun.of("stats", "--config", config.toString());

        assertThat(stats.exitCode()).isZero();
        assertThat(stats.out()).contains("No requests in the last 30 days");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--json"})
    void aDataFolderBehindAFileIsReportedNotTakenForNoUsage(String json) throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");
        Path file = Files.writeString(folder.resolve("not-a-folder"), "XDG_DATA_HOME pointed here");
        System.setProperty("parley.data.dir", file.resolve("parley").toString()); // put back by TemporaryDataDir

        CliRun stats = json.isEmpty() ? CliRun.of("stats", "--config", config.toString())
                : CliRun.of("stats", "--config", config.toString(), json);

        assertThat(stats.exitCode()).isEqualTo(1);
        assertThat(stats.out()).doesNotContain("No requests");
        assertThat(stats.err()).contains("parley: No usage can be recorded or read in " + file.resolve("parley")
                + ": " + file + " is a file, not a folder. Move that file away, or set XDG_DATA_HOME to a folder.");
    }

    @Test
    void spentBudgetRefusesTheTurnNamingTheLimitAndStatsShowSpendAgainstIt() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("One."), Reply.of("Two."))) {
            Path config = TestConfigs.write(folder, """
                    llm:
                      active: local
                      providers:
                        local: {type: openai-compatible, base-url: "%s", model: gpt-4o-mini}
                    usage:
                      budget: {daily: 0.000001, monthly: 5}
                    """.formatted(server.baseUrl()));
            assertThat(CliRun.of("ask", "--config", config.toString(), "first").out()).contains("One.");

            CliRun refused = CliRun.of("ask", "--config", config.toString(), "second");

            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.err()).contains("daily budget of 0.00 USD is spent").contains("usage.budget.daily");
            assertThat(server.requests()).hasSize(1);
            assertThat(CliRun.of("stats", "--config", config.toString()).out())
                    .contains("Budget: today 0.00 of 0.00 USD").contains("this month 0.00 of 5.00 USD (0 %)");
        }
    }

    @Test
    void showSpendAgainstTheOverallBudgetAndEachProvidersOwnInTextAndJson() throws Exception {
        Path config = TestConfigs.write(folder, """
                llm:
                  active: paid
                  providers:
                    paid: {type: openai, model: gpt-4o-mini, budget: {daily: 1.00, monthly: 10}}
                    local: {type: ollama, model: llama3.2}
                usage:
                  budget: {monthly: 20}
                """);
        var ledger = new dev.parley.usage.UsageLedger(data.usageLedger());
        ledger.append(new dev.parley.usage.UsageRecord(java.time.Instant.now(), "paid", "gpt-4o-mini", null, 10, 10, 5,
                50, 0.85));
        ledger.append(new dev.parley.usage.UsageRecord(java.time.Instant.now(), "other", "gpt-4o", null, 10, 10, 5,
                50, 0.15));

        CliRun text = CliRun.of("stats", "--config", config.toString());
        CliRun json = CliRun.of("stats", "--config", config.toString(), "--json");

        assertThat(text.out()).contains("Budget: today 1.00 USD (no limit), this month 1.00 of 20.00 USD (5 %).")
                .contains("Budget of provider 'paid': today 0.85 of 1.00 USD (85 %), this month 0.85 of 10.00 USD"
                        + " (9 %).")
                .doesNotContain("provider 'local'");
        var budget = new ObjectMapper().readTree(json.out()).path("budget");
        assertThat(budget.path("currency").asText()).isEqualTo("USD");
        assertThat(budget.path("overall").path("monthly").path("spent_usd").asDouble()).isEqualTo(1.0);
        assertThat(budget.path("overall").path("monthly").path("limit_usd").asDouble()).isEqualTo(20.0);
        assertThat(budget.path("overall").path("monthly").path("percent").asInt()).isEqualTo(5);
        assertThat(budget.path("overall").path("daily").path("limit_usd").isNull()).isTrue();
        assertThat(budget.path("providers").path("paid").path("daily").path("spent_usd").asDouble()).isEqualTo(0.85);
        assertThat(budget.path("providers").path("paid").path("daily").path("percent").asInt()).isEqualTo(85);
        assertThat(budget.path("providers").path("local").path("monthly").path("spent_usd").asDouble()).isZero();
        assertThat(budget.path("providers").path("local").path("monthly").path("limit_usd").isNull()).isTrue();
    }
}
