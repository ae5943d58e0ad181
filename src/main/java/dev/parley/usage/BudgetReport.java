package dev.parley.usage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.config.UsageConfig.Budget;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spend today and this month against each budget: the overall one ({@code usage.budget}, all spend)
 * and every provider's own ({@code llm.providers.NAME.budget}, its spend only), for {@code parley stats}.
 */
public record BudgetReport(LocalDate today, Against overall, Map<String, Against> providers) {

    /** Spend and limits of one budget; a limit of 0 is none. */
    public record Against(Spending spent, Budget budget) {

        boolean limited() {
            return budget.dailyLimit() > 0 || budget.monthlyLimit() > 0;
        }
    }

    /** {@code providers}: each configured provider's own budget, in config order. */
    public static BudgetReport of(List<UsageRecord> records, Clock clock, Budget overall,
            Map<String, Budget> providers) {
        Map<String, Against> own = new LinkedHashMap<>();
        providers.forEach((name, budget) -> own.put(name, new Against(Spending.of(
                records.stream().filter(record -> name.equals(record.provider())).toList(), clock), budget)));
        return new BudgetReport(LocalDate.now(clock), new Against(Spending.of(records, clock), overall), own);
    }

    /**
     * Stable keys: {@code {"currency": "USD", "day": "2026-12-04", "month": "2026-12", "overall": {...},
     * "providers": {"NAME": {...}}}}, each budget as {@code {"daily": {"spent_usd", "limit_usd",
     * "percent"}, "monthly": {...}}}; limit and percent are null where there is no limit.
     */
    public ObjectNode json() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("currency", "USD").put("day", today.toString())
                .put("month", YearMonth.from(today).toString());
        body.set("overall", json(overall));
        ObjectNode own = body.putObject("providers");
        providers.forEach((name, against) -> own.set(name, json(against)));
        return body;
    }

    private static ObjectNode json(Against against) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        period(node.putObject("daily"), against.spent().today(), against.budget().dailyLimit());
        period(node.putObject("monthly"), against.spent().thisMonth(), against.budget().monthlyLimit());
        return node;
    }

    private static void period(ObjectNode node, double spent, double limit) {
        node.put("spent_usd", Math.round(spent * 1_000_000) / 1_000_000.0);
        if (limit > 0) {
            node.put("limit_usd", limit).put("percent", Math.round(spent * 100 / limit));
        } else {
            node.putNull("limit_usd").putNull("percent");
        }
    }

    /** One line per budget that has a limit; none without budgets. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (overall.limited()) {
            lines.add("Budget: " + periods(overall) + ".");
        }
        providers.forEach((name, against) -> {
            if (against.limited()) {
                lines.add("Budget of provider '" + name + "': " + periods(against) + ".");
            }
        });
        return lines;
    }

    private static String periods(Against against) {
        return "today " + Spending.against(against.spent().today(), against.budget().dailyLimit()) + ", this month "
                + Spending.against(against.spent().thisMonth(), against.budget().monthlyLimit());
    }
}
