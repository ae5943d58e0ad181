package dev.parley.usage;

import dev.parley.config.UsageConfig.Budget;
import dev.parley.conversation.Message;
import dev.parley.llm.ForwardingLanguageModel;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmReply;
import dev.parley.llm.ReplyListener;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Keeps a paid provider within the spending budget ({@code usage.budget}): once the ledger's spend
 * today or this month reaches a limit, requests are refused with {@link LlmException.Kind#BUDGET}
 * before anything is sent, so the fallback chain answers, or the user hears which limit is spent.
 * Models without a price (local ones) cost nothing and are never refused. At 80 % it warns once.
 */
public final class BudgetGuard extends ForwardingLanguageModel {

    private static final Logger LOG = LogManager.getLogger(BudgetGuard.class);
    static final double WARNING_SHARE = 0.8;

    private final String modelName;
    private final UsageLedger ledger;
    private final Prices prices;
    private final Budget budget;
    private final Clock clock;
    private final AtomicBoolean warned = new AtomicBoolean();

    public BudgetGuard(LanguageModel model, String modelName, UsageLedger ledger, Prices prices, Budget budget,
            Clock clock) {
        super(model);
        this.modelName = modelName;
        this.ledger = ledger;
        this.prices = prices;
        this.budget = budget;
        this.clock = clock;
    }

    /** The guard with the local calendar deciding what "today" is; no guard at all without a budget. */
    public static LanguageModel around(LanguageModel model, String modelName, UsageLedger ledger, Prices prices,
            Budget budget) {
        if (budget.dailyLimit() <= 0 && budget.monthlyLimit() <= 0) {
            return model;
        }
        return new BudgetGuard(model, modelName, ledger, prices, budget, Clock.systemDefaultZone());
    }

    @Override
    public LlmReply reply(List<Message> messages, ReplyListener listener) {
        if (prices.knows(modelName)) {
            check(Spending.of(ledger.read(), clock));
        }
        return model.reply(messages, listener);
    }

    private void check(Spending spent) {
        refuseAtLimit("daily", budget.dailyLimit(), spent.today(), "today");
        refuseAtLimit("monthly", budget.monthlyLimit(), spent.thisMonth(), "this month");
        if (nearLimit(budget.dailyLimit(), spent.today()) || nearLimit(budget.monthlyLimit(), spent.thisMonth())) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("Spending is at 80 % of the budget: today {}, this month {}",
                        Spending.against(spent.today(), budget.dailyLimit()),
                        Spending.against(spent.thisMonth(), budget.monthlyLimit()));
            }
        }
    }

    private void refuseAtLimit(String which, double limit, double spent, String period) {
        if (limit > 0 && spent >= limit) {
            throw new LlmException(LlmException.Kind.BUDGET, String.format(
                    "The %s budget of %.2f USD is spent (%.2f USD %s); provider '%s' is not asked. Raise"
                            + " usage.budget.%s in config.yaml or wait.", which, limit, spent, period,
                    model.name(), which), null, null, "");
        }
    }

    private static boolean nearLimit(double limit, double spent) {
        return limit > 0 && spent >= limit * WARNING_SHARE;
    }
}
