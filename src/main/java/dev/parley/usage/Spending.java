package dev.parley.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** What the ledger says was spent today and this month, in the local calendar of {@code clock}. */
public record Spending(double today, double thisMonth) {

    public static Spending of(List<UsageRecord> records, Clock clock) {
        ZoneId zone = clock.getZone();
        LocalDate day = LocalDate.now(clock);
        YearMonth month = YearMonth.from(day);
        double today = 0;
        double thisMonth = 0;
        for (UsageRecord record : records) {
            if (record.at() == null) {
                continue;
            }
            LocalDate date = record.at().atZone(zone).toLocalDate();
            if (YearMonth.from(date).equals(month)) {
                thisMonth += record.costUsd();
                if (date.equals(day)) {
                    today += record.costUsd();
                }
            }
        }
        return new Spending(today, thisMonth);
    }

    /** "0.42 of 2.00 USD (21 %)", or just the amount when there is no limit. */
    public static String against(double spent, double limit) {
        if (limit <= 0) {
            return String.format(Locale.ROOT, "%.2f USD (no limit)", spent);
        }
        return String.format(Locale.ROOT, "%.2f of %.2f USD (%d %%)", spent, limit, Math.round(spent * 100 / limit));
    }
}
