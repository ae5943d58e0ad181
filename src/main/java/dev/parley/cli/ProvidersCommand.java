package dev.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.Components;
import dev.parley.llm.HealthCheck;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "providers", mixinStandardHelpOptions = true,
        description = {"List the configured LLM providers and check each one: is the endpoint reachable,"
                + " is its API key set, does it offer the configured model.",
                "All endpoints are checked at once, each within 2 s. Under every unhealthy provider a line"
                        + " says what to do. The active provider is marked with *.",
                "Exits 0 even when some providers are unhealthy: this is a report."})
final class ProvidersCommand extends ParleySubcommand {

    private static final List<String> HEADER =
            List.of("NAME", "TYPE", "MODEL", "BASE URL", "REACHABLE", "KEY", "MODEL STATUS");

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Components components = parley.components()) {
            List<HealthCheck> checks = components.providerHealth().check(components.config().llm());
            PrintWriter out = out();
            if (json) {
                out.println(asJson(components.config().llm().active(), checks));
            } else {
                printTable(out, checks);
            }
            out.flush();
        }
        return 0;
    }

    private static String asJson(String active, List<HealthCheck> checks) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("active", active);
        var providers = root.putArray("providers");
        for (HealthCheck check : checks) {
            ObjectNode node = providers.addObject()
                    .put("name", check.name())
                    .put("type", check.type().configName())
                    .put("model", check.model())
                    .put("base_url", check.endpoint())
                    .put("active", check.active())
                    .put("healthy", check.healthy())
                    .put("reachable", check.reachable())
                    .put("key", check.keyStatus().label())
                    .put("model_status", check.modelStatus().label());
            check.advice().forEach(node.putArray("advice")::add);
        }
        return mapper.writeValueAsString(root);
    }

    private static void printTable(PrintWriter out, List<HealthCheck> checks) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (HealthCheck check : checks) {
            rows.add(List.of(check.name(), check.type().configName(), check.model(),
                    check.endpoint() != null ? check.endpoint() : "-", check.reachable() ? "yes" : "no",
                    check.keyStatus().label(), check.modelStatus().label()));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (int index = 0; index < rows.size(); index++) {
            HealthCheck check = index == 0 ? null : checks.get(index - 1);
            StringBuilder line = new StringBuilder(check != null && check.active() ? "* " : "  ");
            List<String> row = rows.get(index);
            for (int column = 0; column < widths.length; column++) {
                line.append(column == widths.length - 1 ? row.get(column) : pad(row.get(column), widths[column] + 2));
            }
            out.println(TerminalText.oneLine(line.toString().stripTrailing()));
            if (check != null) {
                check.advice().forEach(advice -> out.println("    → " + TerminalText.oneLine(advice)));
            }
        }
        long unhealthy = checks.stream().filter(check -> !check.healthy()).count();
        String active = checks.stream().filter(HealthCheck::active).map(HealthCheck::name).findFirst().orElse("none");
        out.println();
        out.println("Active provider (*): " + TerminalText.oneLine(active) + ". " + (unhealthy == 0 ? "All providers look healthy."
                : unhealthy + " of " + checks.size() + " need attention."));
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
