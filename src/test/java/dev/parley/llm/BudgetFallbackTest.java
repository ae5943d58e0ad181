package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.UsageConfig.Budget;
import dev.parley.conversation.Message;
import dev.parley.llm.LlmException.Kind;
import dev.parley.usage.BudgetGuard;
import dev.parley.usage.BudgetNews;
import dev.parley.usage.Prices;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsageRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spending budgets in front of real clients over real HTTP: a spent budget hands the turn to the fallback. */
class BudgetFallbackTest {

    private static final List<Message> QUESTION = List.of(Message.user("Hi"));
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ResilientLanguageModel.Policy FAST = new ResilientLanguageModel.Policy(
            3, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(5), 3, Duration.ofSeconds(60));
    /** The scripted servers' model has a price, so it is a paid provider the budget applies to. */
    private static final Prices PRICES = new Prices(Map.of("scripted", new Prices.Price(1.0, 2.0)));

    private final LanguageModels models = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
            Path.of("target/test-llm-models"));

    @TempDir
    Path dir;

    private UsageLedger ledgerWithSpend(double... costs) {
        UsageLedger ledger = new UsageLedger(dir.resolve("usage.jsonl"));
        for (double cost : costs) {
            ledger.append(new UsageRecord(NOW.minusSeconds(60), "main", "scripted", null, 10, 10, 5, 50, cost));
        }
        return ledger;
    }

    private LanguageModel guarded(String name, ScriptedLlmServer server, String priceName, UsageLedger ledger,
            Budget budget) {
        LanguageModel client = models.create(name, ScriptedProviders.config(Protocol.OPENAI, server.baseUrl(), 5));
        return new BudgetGuard(client, priceName, ledger, PRICES, budget, CLOCK);
    }

    @Test
    void spentDailyBudgetHandsTheTurnToTheFallbackWithoutAskingThePaidProvider() throws Exception {
        UsageLedger ledger = ledgerWithSpend(1.50, 0.53);
        try (var paid = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Paid answer."));
                var local = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Local answer."))) {
            Budget budget = new Budget(2.00, null);
            var model = new ResilientLanguageModel(List.of(guarded("main", paid, "scripted", ledger, budget),
                    guarded("local", local, "a-local-model", ledger, budget)), FAST);

            LlmReply reply = model.reply(QUESTION, ReplyListener.IGNORE);

            assertThat(reply.text()).isEqualTo("Local answer.");
            assertThat(paid.requests()).isEmpty();
            assertThat(local.requests()).hasSize(1);
        }
    }

    @Test
    void withoutFallbackTheRefusalNamesTheLimitAndWhatWasSpent() throws Exception {
        UsageLedger ledger = ledgerWithSpend(1.50, 0.53);
        try (var paid = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Paid answer."))) {
            var model = new ResilientLanguageModel(List.of(
                    guarded("main", paid, "scripted", ledger, new Budget(2.00, null))), FAST);

            LlmException refusal = catchThrowableOfType(LlmException.class,
                    () -> model.reply(QUESTION, ReplyListener.IGNORE));

            assertThat(refusal.kind()).isEqualTo(Kind.BUDGET);
            assertThat(refusal.getMessage()).contains("the daily budget of 2.00 USD is spent (2.03 USD today)"
                    .replaceFirst("t", "T")).contains("usage.budget.daily");
            assertThat(paid.requests()).isEmpty();
        }
    }

    @Test
    void spentMonthlyBudgetCountsEarlierDaysOfTheMonth() throws Exception {
        UsageLedger ledger = new UsageLedger(dir.resolve("usage.jsonl"));
        ledger.append(new UsageRecord(NOW.minus(Duration.ofDays(2)), "main", "scripted", null, 1, 1, 5, 50, 9.0));
        ledger.append(new UsageRecord(NOW.minus(Duration.ofDays(40)), "main", "scripted", null, 1, 1, 5, 50, 50.0));
        try (var paid = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Paid answer."))) {
            var model = new ResilientLanguageModel(List.of(
                    guarded("main", paid, "scripted", ledger, new Budget(5.00, 10.00))), FAST);

            assertThat(model.reply(QUESTION, ReplyListener.IGNORE).text()).isEqualTo("Paid answer.");

            ledger.append(new UsageRecord(NOW.minusSeconds(5), "main", "scripted", null, 1, 1, 5, 50, 1.0));
            LlmException refusal = catchThrowableOfType(LlmException.class,
                    () -> model.reply(QUESTION, ReplyListener.IGNORE));
            assertThat(refusal.getMessage()).contains("monthly budget of 10.00 USD is spent (10.00 USD this month)");
            assertThat(paid.requests()).hasSize(1);
        }
    }

    @Test
    void belowTheLimitThePaidProviderAnswersAndAFreeModelIsNeverRefused() throws Exception {
        UsageLedger ledger = ledgerWithSpend(1.70);
        try (var paid = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Paid answer."));
                var local = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Local answer."))) {
            var underBudget = new ResilientLanguageModel(List.of(
                    guarded("main", paid, "scripted", ledger, new Budget(2.00, null))), FAST);
            var free = new ResilientLanguageModel(List.of(
                    guarded("local", local, "a-local-model", ledger, new Budget(1.00, null))), FAST);

            assertThat(underBudget.reply(QUESTION, ReplyListener.IGNORE).text()).isEqualTo("Paid answer.");
            assertThat(free.reply(QUESTION, ReplyListener.IGNORE).text()).isEqualTo("Local answer.");
        }
    }

    private LanguageModel ownBudget(String name, ScriptedLlmServer server, UsageLedger ledger, Budget own) {
        LanguageModel client = models.create(name, ScriptedProviders.config(Protocol.OPENAI, server.baseUrl(), 5));
        return new BudgetGuard(client, "scripted", ledger, PRICES, Budget.NONE, own, new BudgetNews(), CLOCK);
    }

    @Test
    void aProvidersOwnSpentBudgetHandsTheTurnToTheFallback() throws Exception {
        UsageLedger ledger = ledgerWithSpend(1.20, 0.90);
        try (var paid = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Paid answer."));
                var other = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Other answer."))) {
            var model = new ResilientLanguageModel(List.of(ownBudget("main", paid, ledger, new Budget(2.00, null)),
                    ownBudget("other", other, ledger, new Budget(2.00, null))), FAST);

            LlmReply reply = model.reply(QUESTION, ReplyListener.IGNORE);

            assertThat(reply.text()).as("main's spend does not count against other's own budget")
                    .isEqualTo("Other answer.");
            assertThat(paid.requests()).isEmpty();
        }
    }

    @Test
    void withoutFallbackTheRefusalNamesTheProviderAndItsBudgetKey() throws Exception {
        UsageLedger ledger = ledgerWithSpend(12.0);
        try (var paid = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Paid answer."))) {
            var model = new ResilientLanguageModel(List.of(ownBudget("main", paid, ledger, new Budget(null, 10.0))),
                    FAST);

            LlmException refusal = catchThrowableOfType(LlmException.class,
                    () -> model.reply(QUESTION, ReplyListener.IGNORE));

            assertThat(refusal.kind()).isEqualTo(Kind.BUDGET);
            assertThat(refusal.getMessage()).contains("The monthly budget of 10.00 USD for provider 'main' is spent"
                    + " (12.00 USD this month)").contains("llm.providers.main.budget.monthly");
            assertThat(paid.requests()).isEmpty();
        }
    }
}
