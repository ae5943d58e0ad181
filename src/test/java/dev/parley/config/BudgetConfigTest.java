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

/**
 * {@code usage.budget} (unset: no limit; negative: refused naming the key), {@code usage.prices} (an amount
 * of 0 or more for both directions) and {@code llm.health.interval}.
 */
class BudgetConfigTest {

    @TempDir
    Path folder;

    private UsageConfig load(String usage) throws IOException {
        return new ConfigLoader().load(TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local: {type: ollama, model: llama3.2}
                %s""".formatted(usage))).usage();
    }

    @Test
    void withoutABudgetThereIsNoLimit() throws IOException {
        UsageConfig usage = load("");

        assertThat(usage.budget().dailyLimit()).isZero();
        assertThat(usage.budget().monthlyLimit()).isZero();
    }

    @Test
    void dailyAndMonthlyLimitsAreReadNextToPrices() throws IOException {
        UsageConfig usage = load("""
                usage:
                  prices: {my-model: {input: 0.5, output: 1.5}}
                  budget: {daily: 2, monthly: 30.5}
                """);

        assertThat(usage.budget().dailyLimit()).isEqualTo(2.0);
        assertThat(usage.budget().monthlyLimit()).isEqualTo(30.5);
        assertThat(usage.prices()).containsKey("my-model");
    }

    @Test
    void aNegativeBudgetIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> load("""
                usage:
                  budget: {monthly: -3}
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("usage.budget.monthly is -3.0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{m: {input: -1, output: 2}}     | usage.prices.m.input is -1.0 but a price is 0 or more, in US dollars per"
                    + " million tokens",
            "{m: {input: 1, output: 1e999}}  | usage.prices.m.output must be a finite number (found Infinity)",
            "{m: {input: .nan, output: 1}}   | line 6: usage.prices.m.input must be a finite number (found .nan)",
            "{m: {input: free, output: 1}}   | line 6: usage.prices.m.input must be a number (found 'free')",
            "{m: {input: 1}}                 | line 6: usage.prices.m.output is missing or empty; it must be a number",
            "{m: }                           | usage.prices.m is empty; give it input and output",
    })
    void aPriceThatIsNoAmountIsAnErrorNamingTheKey(String prices, String message) {
        assertThatThrownBy(() -> load("usage:\n  prices: " + prices.strip() + "\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining(message.strip());
    }

    @Test
    void healthIntervalDefaultsToAMinuteAndZeroTurnsPollingOff() throws IOException {
        assertThat(new ConfigLoader().load(TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local: {type: ollama, model: llama3.2}
                """)).llm().health().interval()).isEqualTo(60);
        assertThat(new ConfigLoader().load(TestConfigs.write(folder, """
                llm:
                  active: local
                  health: {interval: 0}
                  providers:
                    local: {type: ollama, model: llama3.2}
                """)).llm().health().interval()).isZero();
    }

    @Test
    void aProviderMayHaveABudgetOfItsOwnAndANegativeOneIsAnErrorNamingTheKey() throws IOException {
        ParleyConfig config = new ConfigLoader().load(TestConfigs.write(folder, """
                llm:
                  active: paid
                  providers:
                    paid: {type: openai, model: gpt-4o-mini, budget: {daily: 1.5, monthly: 20}}
                    local: {type: ollama, model: llama3.2}
                """));

        assertThat(config.llm().providers().get("paid").budget().dailyLimit()).isEqualTo(1.5);
        assertThat(config.llm().providers().get("paid").budget().monthlyLimit()).isEqualTo(20.0);
        assertThat(config.llm().providers().get("local").budget().dailyLimit()).isZero();
        assertThatThrownBy(() -> new ConfigLoader().load(TestConfigs.write(folder, """
                llm:
                  active: paid
                  providers:
                    paid: {type: openai, model: gpt-4o-mini, budget: {daily: -1}}
                """))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("llm.providers.paid.budget.daily is -1.0");
    }
}
