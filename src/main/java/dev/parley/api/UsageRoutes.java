package dev.parley.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.usage.Prices;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsageSummary;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;

/** {@code GET /usage?days=N}: the figures of {@code parley stats --json}, from the same ledger. */
final class UsageRoutes {

    private static final int MAX_DAYS = 3650;

    private final UsageLedger ledger;
    private final Prices prices;

    UsageRoutes(UsageLedger ledger, Prices prices) {
        this.ledger = ledger;
        this.prices = prices;
    }

    void register(HttpRules rules) {
        rules.get("/usage", this::usage);
    }

    private void usage(ServerRequest request, ServerResponse response) {
        int days = days(request.query().first("days").asOptional().orElse("30"));
        UsageSummary summary = UsageSummary.of(ledger.read(), Instant.now().minus(Duration.ofDays(days)));
        ObjectNode body = ApiJson.object().put("days", days);
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
        ApiJson.send(response, 200, body);
    }

    private static int days(String value) {
        try {
            int days = Integer.parseInt(value);
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("days must be a whole number from 1 to " + MAX_DAYS + ", not '" + value + "'.");
    }
}
