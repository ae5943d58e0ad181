package dev.parley.usage;

import dev.parley.config.UsageConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Estimated cost per model, in US dollars per million tokens. The built-in table covers common
 * models at their list prices when this was written; prices change, so config.yaml
 * ({@code usage.prices}) overrides or adds entries. Unknown models (local ones among them) cost 0
 * here; {@link #knows} tells the two apart so a report can show "?" instead of a made-up 0.
 */
public final class Prices {

    /** Input and output price in USD per million tokens. */
    public record Price(double input, double output) {}

    private static final Map<String, Price> LIST_PRICES = Map.ofEntries(
            Map.entry("gpt-4o-mini", new Price(0.15, 0.60)),
            Map.entry("gpt-4o", new Price(2.50, 10.00)),
            Map.entry("gpt-4.1-mini", new Price(0.40, 1.60)),
            Map.entry("gpt-4.1", new Price(2.00, 8.00)),
            Map.entry("claude-haiku-4-5", new Price(1.00, 5.00)),
            Map.entry("claude-sonnet-4-5", new Price(3.00, 15.00)),
            Map.entry("gemini-2.5-flash", new Price(0.30, 2.50)),
            Map.entry("gemini-2.5-pro", new Price(1.25, 10.00)),
            Map.entry("deepseek-chat", new Price(0.27, 1.10)),
            Map.entry("deepseek-reasoner", new Price(0.55, 2.19)),
            Map.entry("openai/gpt-4o-mini", new Price(0.15, 0.60)));

    private final Map<String, Price> prices;

    public Prices(Map<String, Price> overrides) {
        Map<String, Price> merged = new HashMap<>(LIST_PRICES);
        overrides.forEach((model, price) -> merged.put(normalize(model), price));
        this.prices = Map.copyOf(merged);
    }

    /** The list prices with {@code usage.prices} over them. */
    public static Prices of(UsageConfig usage) {
        Map<String, Price> overrides = new HashMap<>();
        usage.prices().forEach((model, price) -> overrides.put(model, new Price(price.input(), price.output())));
        return new Prices(overrides);
    }

    public static Prices defaults() {
        return new Prices(Map.of());
    }

    public boolean knows(String model) {
        return prices.containsKey(normalize(model));
    }

    /** Estimated cost of one request; 0 for unknown models or unreported token counts. */
    public double cost(String model, int inputTokens, int outputTokens) {
        Price price = prices.get(normalize(model));
        if (price == null) {
            return 0;
        }
        return (Math.max(0, inputTokens) * price.input() + Math.max(0, outputTokens) * price.output()) / 1_000_000;
    }

    private static String normalize(String model) {
        return model == null ? "" : model.strip().toLowerCase(Locale.ROOT);
    }
}
