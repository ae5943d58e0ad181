package dev.parley.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.UsageConfig.Budget;
import dev.parley.conversation.Message;
import dev.parley.llm.ReplyListener;
import dev.parley.testing.FakeLanguageModel;
import dev.parley.testing.FakeLanguageModel.Script;
import dev.parley.testing.HandClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 80 % warning: once per limit and period, for the overall budget and a provider's own. */
class BudgetWarningTest {

    private static final List<Message> QUESTION = List.of(Message.user("Hi"));
    private static final Prices PRICES = new Prices(Map.of("paid-model", new Prices.Price(1.0, 2.0)));

    @TempDir
    Path dir;

    private final HandClock clock = new HandClock();
    private final BudgetNews news = new BudgetNews();
    private final List<BudgetNews.Warning> heard = new ArrayList<>();

    private UsageLedger ledger() {
        return new UsageLedger(dir.resolve("usage.jsonl"));
    }

    private void spend(UsageLedger ledger, String provider, double cost) {
        ledger.append(new UsageRecord(clock.instant(), provider, "paid-model", null, 10, 10, 5, 50, cost));
    }

    private BudgetGuard guard(UsageLedger ledger, Budget overall, Budget own, String modelName, int turns) {
        Script[] answers = new Script[turns];
        java.util.Arrays.fill(answers, Script.of("ok"));
        return new BudgetGuard(new FakeLanguageModel("main", answers), modelName, ledger, PRICES, overall, own, news,
                clock);
    }

    @Test
    void at80PercentOfTheDailyBudgetOneWarningIsHeardHoweverManyTurnsFollow() throws Exception {
        news.subscribe(heard::add);
        UsageLedger ledger = ledger();
        spend(ledger, "main", 1.70);
        BudgetGuard guard = guard(ledger, new Budget(2.00, null), Budget.NONE, "paid-model", 3);

        for (int turn = 0; turn < 3; turn++) {
            guard.reply(QUESTION, ReplyListener.IGNORE);
        }

        assertThat(heard).singleElement().satisfies(warning -> {
            assertThat(warning.limit()).isEqualTo("usage.budget.daily");
            assertThat(warning.period()).isEqualTo("2026-12-04");
            assertThat(warning.text()).isEqualTo("Spending is at 85 % of the daily budget: 1.70 of 2.00 USD today"
                    + " (usage.budget.daily).");
        });
    }

    @Test
    void theNextDayWarnsAgainAndTheMonthlyLimitOnlyOncePerMonth() throws Exception {
        news.subscribe(heard::add);
        UsageLedger ledger = ledger();
        spend(ledger, "main", 1.70);
        BudgetGuard guard = guard(ledger, new Budget(2.00, 4.00), Budget.NONE, "paid-model", 3);
        guard.reply(QUESTION, ReplyListener.IGNORE);

        clock.advance(Duration.ofDays(1));
        spend(ledger, "main", 1.65);
        guard.reply(QUESTION, ReplyListener.IGNORE);
        clock.advance(Duration.ofHours(1));
        guard.reply(QUESTION, ReplyListener.IGNORE);

        assertThat(heard).extracting(BudgetNews.Warning::limit, BudgetNews.Warning::period).containsExactly(
                org.assertj.core.groups.Tuple.tuple("usage.budget.daily", "2026-12-04"),
                org.assertj.core.groups.Tuple.tuple("usage.budget.daily", "2026-12-05"),
                org.assertj.core.groups.Tuple.tuple("usage.budget.monthly", "2026-12"));
    }

    @Test
    void aProvidersOwnBudgetWarnsNamingTheProviderAndCountsOnlyItsSpend() throws Exception {
        news.subscribe(heard::add);
        UsageLedger ledger = ledger();
        spend(ledger, "other", 5.00);
        BudgetGuard guard = guard(ledger, Budget.NONE, new Budget(null, 10.0), "paid-model", 2);
        guard.reply(QUESTION, ReplyListener.IGNORE);
        assertThat(heard).isEmpty();

        spend(ledger, "main", 8.00);
        guard.reply(QUESTION, ReplyListener.IGNORE);

        assertThat(heard).singleElement().extracting(BudgetNews.Warning::text).isEqualTo("Spending is at 80 % of the"
                + " monthly budget for provider 'main': 8.00 of 10.00 USD this month"
                + " (llm.providers.main.budget.monthly).");
    }

    @Test
    void aModelWithoutAPriceNeverWarns() throws Exception {
        news.subscribe(heard::add);
        UsageLedger ledger = ledger();
        spend(ledger, "main", 1.90);

        guard(ledger, new Budget(2.00, null), Budget.NONE, "local-model", 1).reply(QUESTION, ReplyListener.IGNORE);

        assertThat(heard).isEmpty();
    }
}
