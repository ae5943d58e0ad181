package dev.parley.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.config.UsageConfig.Budget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `parley stats` and `GET /usage` read of a ledger with years of history. */
class UsagePeriodTest {

    private static final Instant NOW = Instant.parse("2026-12-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path folder;

    /** One request a day for the 400 days up to {@code NOW}. */
    private UsageLedger ledgerOfDailyUse() {
        UsageLedger ledger = new UsageLedger(folder.resolve("usage.jsonl"));
        for (int daysAgo = 399; daysAgo >= 0; daysAgo--) {
            ledger.append(new UsageRecord(NOW.minus(Duration.ofDays(daysAgo)).minusSeconds(60), "local", "m", null,
                    10, 5, 100, 200, 0.01));
        }
        return ledger;
    }

    @Test
    void aSummaryOfTheLastDaysHoldsThoseDaysNotTheWholeHistory() {
        List<UsageRecord> records = UsagePeriod.records(ledgerOfDailyUse(), 30, CLOCK);

        assertThat(records).hasSize(30).allSatisfy(
                record -> assertThat(record.at()).isAfterOrEqualTo(UsagePeriod.since(30, CLOCK)));
    }

    @Test
    void aShortPeriodStillHoldsTheWholeMonthTheBudgetsCount() {
        List<UsageRecord> records = UsagePeriod.records(ledgerOfDailyUse(), 1, CLOCK);

        assertThat(records).hasSize(20);
        assertThat(records.getFirst().at()).isAfterOrEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(BudgetReport.of(records, CLOCK, Budget.NONE, Map.of()).overall().spent().thisMonth())
                .isCloseTo(0.20, within(1e-9));
    }
}
