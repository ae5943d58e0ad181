package dev.parley.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Usage per provider over a period: what `parley stats` and the usage panel show. */
public record UsageSummary(List<ProviderUsage> providers) {

    public record ProviderUsage(String provider, String model, int requests, int errors, int retries, long inputTokens,
            long outputTokens, long ttftP50Ms, double tokensPerSecond, double costUsd) {}

    /** Groups the records at or after {@code since} by provider and model. */
    public static UsageSummary of(List<UsageRecord> records, Instant since) {
        Map<String, List<UsageRecord>> byProvider = new LinkedHashMap<>();
        for (UsageRecord record : records) {
            if (!record.at().isBefore(since)) {
                byProvider.computeIfAbsent(record.provider() + "\u0000" + record.model(), key -> new ArrayList<>())
                        .add(record);
            }
        }
        List<ProviderUsage> rows = new ArrayList<>();
        byProvider.values().forEach(group -> rows.add(summarize(group)));
        return new UsageSummary(List.copyOf(rows));
    }

    private static ProviderUsage summarize(List<UsageRecord> lines) {
        int retries = (int) lines.stream().filter(UsageRecord::isRetry).count();
        List<UsageRecord> group = lines.stream().filter(record -> !record.isRetry()).toList();
        List<UsageRecord> ok = group.stream().filter(record -> !record.failed()).toList();
        long[] ttfts = ok.stream().mapToLong(UsageRecord::ttftMs).filter(ms -> ms >= 0).toArray();
        double[] rates = ok.stream().mapToDouble(UsageRecord::tokensPerSecond).filter(rate -> !Double.isNaN(rate)).toArray();
        UsageRecord first = lines.getFirst();
        return new ProviderUsage(first.provider(), first.model(), group.size(), group.size() - ok.size(), retries,
                ok.stream().mapToLong(record -> Math.max(0, record.inputTokens())).sum(),
                ok.stream().mapToLong(record -> Math.max(0, record.outputTokens())).sum(),
                ttfts.length == 0 ? -1 : Percentiles.of(ttfts).p50(),
                rates.length == 0 ? Double.NaN : Arrays.stream(rates).average().orElse(Double.NaN),
                ok.stream().mapToDouble(UsageRecord::costUsd).sum());
    }
}
