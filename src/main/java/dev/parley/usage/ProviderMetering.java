package dev.parley.usage;

import dev.parley.config.UsageConfig.Budget;
import dev.parley.llm.LanguageModel;
import java.time.Clock;

/** What every configured provider is wrapped in: metering into the ledger, then the budget guard. */
public final class ProviderMetering {

    private ProviderMetering() {}

    /** {@code overall}: {@code usage.budget}; {@code own}: the provider's {@code budget}. */
    public static LanguageModel wrap(LanguageModel model, String modelName, UsageLedger ledger, Prices prices,
            Budget overall, Budget own, BudgetNews news) {
        LanguageModel metered = new MeteredLanguageModel(model, modelName, ledger, prices, Clock.systemUTC());
        return BudgetGuard.around(metered, modelName, ledger, prices, overall, own, news);
    }
}
