package dev.parley.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The ledger's records that a usage summary of the last days and a {@link BudgetReport} need, read
 * from the ledger's end: two years of daily use are half a million lines, and reading them all for
 * {@code parley stats} or {@code GET /usage} took ten seconds and 400 MB to show the last 30 days.
 */
public final class UsagePeriod {

    private UsagePeriod() {}

    /** The records of the last {@code days} before {@code clock}'s now, and of its month for the budgets. */
    public static List<UsageRecord> records(UsageLedger ledger, int days, Clock clock) {
        Instant since = since(days, clock);
        Instant monthStart = monthStart(clock);
        return ledger.readSince(since.isBefore(monthStart) ? since : monthStart);
    }

    /** Where {@code clock}'s month began, in its zone: the budgets' longest period. */
    public static Instant monthStart(Clock clock) {
        return YearMonth.now(clock).atDay(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /** Where a summary of the last {@code days} starts. */
    public static Instant since(int days, Clock clock) {
        return clock.instant().minus(Duration.ofDays(days));
    }
}
