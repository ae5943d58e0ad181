package dev.parley.api;

import dev.parley.usage.Prices;
import dev.parley.usage.UsageJson;
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
        ApiJson.send(response, 200, UsageJson.of(days, summary, prices));
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
