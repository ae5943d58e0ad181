package dev.parley.config;

import java.util.Map;

/**
 * The {@code usage} section: prices per model, in US dollars per million tokens, that override or
 * add to Parley's built-in list for cost estimates, and the spending budget over all providers.
 */
public record UsageConfig(Map<String, ModelPrice> prices, Budget budget) {

    public record ModelPrice(double input, double output) {}

    /** Spending limits in the currency of the price table; null or 0 means no limit. */
    public record Budget(Double daily, Double monthly) {

        public static final Budget NONE = new Budget(null, null);

        public double dailyLimit() {
            return daily == null ? 0 : daily;
        }

        public double monthlyLimit() {
            return monthly == null ? 0 : monthly;
        }
    }

    public UsageConfig(Map<String, ModelPrice> prices) {
        this(prices, Budget.NONE);
    }

    public UsageConfig {
        prices = prices == null ? Map.of() : prices;
        budget = budget == null ? Budget.NONE : budget;
    }
}
