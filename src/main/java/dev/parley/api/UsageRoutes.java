package dev.parley.api;

import dev.parley.config.ParleyConfig;
import dev.parley.usage.BudgetReport;
import dev.parley.usage.Prices;
import dev.parley.usage.UsageJson;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsagePeriod;
import dev.parley.usage.UsageRecord;
import dev.parley.usage.UsageSummary;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** {@code GET /usage?days=N}: the figures of {@code parley stats --json}, budgets included, from the same ledger. */
final class UsageRoutes {

    private static final int MAX_DAYS = 3650;

    private final UsageLedger ledger;
    private final Prices prices;
    /** The config in use now: a budget saved while the API serves counts from the next request. */
    private final Supplier<ParleyConfig> config;

    UsageRoutes(UsageLedger ledger, Prices prices, Supplier<ParleyConfig> config) {
        this.ledger = ledger;
        this.prices = prices;
        this.config = config;
    }

    void register(HttpRules rules) {
        rules.get("/usage", this::usage);
    }

    private void usage(ServerRequest request, ServerResponse response) {
        int days = days(request.query().first("days").asOptional().orElse("30"));
        Clock clock = Clock.systemDefaultZone();
        List<UsageRecord> records = UsagePeriod.records(ledger, days, clock);
        UsageSummary summary = UsageSummary.of(records, UsagePeriod.since(days, clock));
        ApiJson.send(response, 200, UsageJson.of(days, summary, prices, BudgetReport.of(records, clock, config.get())));
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
