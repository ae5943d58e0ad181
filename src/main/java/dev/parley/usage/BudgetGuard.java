package dev.parley.usage;

import dev.parley.config.UsageConfig.Budget;
import dev.parley.conversation.Message;
import dev.parley.llm.ForwardingLanguageModel;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmReply;
import dev.parley.llm.ReplyListener;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.List;

/**
 * Keeps a paid provider within the spending budgets: the overall one ({@code usage.budget}, spend
 * of every provider) and its own ({@code llm.providers.NAME.budget}, its spend only). Once the
 * ledger's spend today or this month reaches a limit, requests are refused with
 * {@link LlmException.Kind#BUDGET} before anything is sent, so the fallback chain answers, or the
 * user hears which limit is spent. Models without a price (local ones) cost nothing and are never
 * refused. At 80 % of a limit it tells {@link BudgetNews}, which announces each limit once per period.
 */
public final class BudgetGuard extends ForwardingLanguageModel {

    static final double WARNING_SHARE = 0.8;

    private final String modelName;
    private final UsageLedger ledger;
    private final Prices prices;
    private final Budget overall;
    private final Budget own;
    private final BudgetNews news;
    private final Clock clock;

    /** {@code overall}: over all providers; {@code own}: this provider's alone. */
    public BudgetGuard(LanguageModel model, String modelName, UsageLedger ledger, Prices prices, Budget overall,
            Budget own, BudgetNews news, Clock clock) {
        super(model);
        this.modelName = modelName;
        this.ledger = ledger;
        this.prices = prices;
        this.overall = overall;
        this.own = own;
        this.news = news;
        this.clock = clock;
    }

    /** Only the overall budget, warnings heard by no one. */
    public BudgetGuard(LanguageModel model, String modelName, UsageLedger ledger, Prices prices, Budget budget,
            Clock clock) {
        this(model, modelName, ledger, prices, budget, Budget.NONE, new BudgetNews(), clock);
    }

    /** The guard with the local calendar deciding what "today" is; no guard at all without a budget. */
    public static LanguageModel around(LanguageModel model, String modelName, UsageLedger ledger, Prices prices,
            Budget overall, Budget own, BudgetNews news) {
        if (!limits(overall) && !limits(own)) {
            return model;
        }
        return new BudgetGuard(model, modelName, ledger, prices, overall, own, news, Clock.systemDefaultZone());
    }

    private static boolean limits(Budget budget) {
        return budget.dailyLimit() > 0 || budget.monthlyLimit() > 0;
    }

    @Override
    public LlmReply reply(List<Message> messages, ReplyListener listener) {
        if (prices.knows(modelName)) {
            // This month's records (the budget's longest period), read from the ledger's end.
            List<UsageRecord> records = ledger.readSince(UsagePeriod.monthStart(clock));
            check(overall, Spending.of(records, clock), "usage.budget", "");
            String provider = model.name();
            check(own, Spending.of(records.stream().filter(record -> provider.equals(record.provider())).toList(),
                    clock), "llm.providers." + provider + ".budget", " for provider '" + provider + "'");
        }
        return model.reply(messages, listener);
    }

    /** {@code whose}: "" for the overall budget, else " for provider 'NAME'". */
    private void check(Budget budget, Spending spent, String key, String whose) {
        refuseAtLimit(key + ".daily", "daily", budget.dailyLimit(), spent.today(), "today", whose);
        refuseAtLimit(key + ".monthly", "monthly", budget.monthlyLimit(), spent.thisMonth(), "this month", whose);
        LocalDate day = LocalDate.now(clock);
        warnNear(key + ".daily", "daily", budget.dailyLimit(), spent.today(), "today", day.toString(), whose);
        warnNear(key + ".monthly", "monthly", budget.monthlyLimit(), spent.thisMonth(), "this month",
                YearMonth.from(day).toString(), whose);
    }

    private void refuseAtLimit(String key, String which, double limit, double spent, String period, String whose) {
        if (limit > 0 && spent >= limit) {
            throw new LlmException(LlmException.Kind.BUDGET, String.format(Locale.ROOT,
                    "The %s budget of %.2f USD%s is spent (%.2f USD %s); provider '%s' is not asked. Raise %s in"
                            + " config.yaml or wait.", which, limit, whose, spent, period, model.name(), key),
                    null, null, "");
        }
    }

    private void warnNear(String key, String which, double limit, double spent, String period, String periodId,
            String whose) {
        if (limit > 0 && spent >= limit * WARNING_SHARE) {
            news.nearLimit(new BudgetNews.Warning(key, periodId, spent, limit, String.format(Locale.ROOT,
                    "Spending is at %d %% of the %s budget%s: %.2f of %.2f USD %s (%s).",
                    Math.round(spent * 100 / limit), which, whose, spent, limit, period, key)));
        }
    }
}
