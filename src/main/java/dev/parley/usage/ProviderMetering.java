package dev.parley.usage;

import dev.parley.config.UsageConfig.Budget;
import dev.parley.llm.LanguageModel;
import java.time.Clock;

/** What every configured provider is wrapped in: metering into the ledger, then the budget guard. */
public final class ProviderMetering {

    private ProviderMetering() {}

    public static LanguageModel wrap(LanguageModel model, String modelName, UsageLedger ledger, Prices prices,
            Budget budget) {
        LanguageModel metered = new MeteredLanguageModel(model, modelName, ledger, prices, Clock.systemUTC());
        return BudgetGuard.around(metered, modelName, ledger, prices, budget);
    }
}
