package dev.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.Components;
import dev.parley.ParleyException;
import dev.parley.storage.FileErrors;
import dev.parley.usage.Prices;
import dev.parley.usage.BudgetReport;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsagePeriod;
import dev.parley.usage.UsageJson;
import dev.parley.usage.UsageSummary;
import dev.parley.usage.UsageSummary.ProviderUsage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import dev.parley.usage.UsageRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Usage per provider from the usage ledger: requests, errors, tokens, time to first token,"
                + " tokens per second and estimated cost.",
                "Costs are estimates from list prices (config.yaml usage.prices overrides them); '?' where"
                        + " the model has no known price.",
                "With budgets set (usage.budget, llm.providers.NAME.budget), also spend today and this month against"
                        + " each daily and monthly limit; --json always has them under \"budget\"."})
final class StatsCommand extends ParleySubcommand {

    @Option(names = "--days", defaultValue = "30", description = "Only the last N days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        OptionChecks.within(spec, "--days", days, 1, 36_500);
        PrintWriter out = out();
        try (Components components = parley.components()) {
            UsageLedger ledger = components.usageLedger();
            refuseFileInTheWay(ledger.file());
            Clock clock = Clock.systemDefaultZone();
            List<UsageRecord> records = UsagePeriod.records(ledger, days, clock);
            UsageSummary summary = UsageSummary.of(records, UsagePeriod.since(days, clock));
            Prices prices = components.prices();
            BudgetReport budgets = BudgetReport.of(records, clock, components.config());
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(UsageJson.of(days, summary, prices, budgets)));
                return 0;
            }
            if (summary.providers().isEmpty()) {
                out.println("No requests in the last " + days + " days (ledger: "
                        + TerminalText.oneLine(ledger.file().toString()) + ").");
            } else {
                out.printf("%-14s %-22s %8s %6s %7s %10s %10s %9s %7s %10s%n", "provider", "model", "requests", "errors", "retries",
                        "in tok", "out tok", "ttft p50", "tok/s", "cost $");
                for (ProviderUsage u : summary.providers()) {
                    // Names from the ledger and config.yaml: a damaged line, or a YAML "\e", may hold escapes.
                    out.printf(Locale.ROOT, "%-14s %-22s %8d %6d %7d %10d %10d %7s %7s %10s%n", TerminalText.oneLine(u.provider()),
                            TerminalText.oneLine(u.model()), u.requests(),
                            u.errors(), u.retries(), u.inputTokens(), u.outputTokens(),
                            u.ttftP50Ms() < 0 ? "-" : u.ttftP50Ms() + "ms",
                            Double.isNaN(u.tokensPerSecond()) ? "-" : String.format(Locale.ROOT, "%.1f", u.tokensPerSecond()),
                            prices.knows(u.model()) ? String.format(Locale.ROOT, "%.4f", u.costUsd()) : "?");
                }
            }
            budgets.lines().forEach(line -> out.println(TerminalText.oneLine(line)));
        }
        return 0;
    }

    /**
     * A file where the data folder goes (XDG_DATA_HOME naming a file) leaves no ledger to read, and
     * "No requests" would say that nothing was asked, when nothing could be recorded.
     */
    private static void refuseFileInTheWay(Path ledger) {
        Path folder = ledger.toAbsolutePath().getParent();
        FileErrors.fileInTheWay(folder).ifPresent(file -> {
            throw new ParleyException("No usage can be recorded or read in " + folder + ": " + file + " is a file,"
                    + " not a folder. Move that file away, or set XDG_DATA_HOME to a folder.");
        });
    }
}
