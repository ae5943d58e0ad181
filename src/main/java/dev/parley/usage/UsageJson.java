package dev.parley.usage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A usage summary as JSON, one shape for {@code parley stats --json} and the control API's
 * {@code /usage}: scripts that read one can read the other.
 */
public final class UsageJson {

    private UsageJson() {}

    /**
     * {@code {"days": N, "providers": [...], "budget": {...}}}; a cost is null where the model has no
     * known price; {@code budget} as {@link BudgetReport#json()}.
     */
    public static ObjectNode of(int days, UsageSummary summary, Prices prices, BudgetReport budgets) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("days", days);
        ArrayNode rows = body.putArray("providers");
        for (UsageSummary.ProviderUsage usage : summary.providers()) {
            rows.addObject().put("provider", usage.provider()).put("model", usage.model())
                    .put("requests", usage.requests()).put("errors", usage.errors()).put("retries", usage.retries())
                    .put("input_tokens", usage.inputTokens()).put("output_tokens", usage.outputTokens())
                    .put("ttft_p50_ms", usage.ttftP50Ms())
                    .put("tokens_per_second", Double.isNaN(usage.tokensPerSecond()) ? null
                            : Math.round(usage.tokensPerSecond() * 10) / 10.0)
                    .put("cost_usd", prices.knows(usage.model()) ? usage.costUsd() : null);
        }
        body.set("budget", budgets.json());
        return body;
    }
}
