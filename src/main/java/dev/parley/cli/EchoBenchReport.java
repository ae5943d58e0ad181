package dev.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.audio.echo.EchoReturnLossEnhancement;
import dev.parley.bench.EchoBench;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints the result of {@code parley bench --echo}: a table, or one JSON object with {@code --json}. */
final class EchoBenchReport {

    private EchoBenchReport() {
    }

    static void print(EchoBench.Result result, boolean json, PrintWriter out) throws Exception {
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode().put("processing", result.processing())
                    .put("far_end_seconds", round(result.farSeconds()))
                    .put("converged_after_seconds", EchoBench.CONVERGENCE_SECONDS);
            ArrayNode cases = root.putArray("cases");
            for (EchoBench.Case c : result.cases()) {
                ObjectNode node = cases.addObject().put("delay_ms", c.room().delayMs())
                        .put("attenuation_db", c.room().attenuationDb()).put("reverb_ms", c.room().reverbMs());
                put(node.putObject("erle_db"), c.erle());
                put(node.putObject("erle_converged_db"), c.erleConverged());
                node.put("cpu_ms_per_audio_second", round(c.cpuMsPerSecond()));
            }
            out.println(mapper.writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "echo canceller: %s; far end: the benchmark reply in Parley's voice (%.1f s), played into a"
                    + " simulated room (echo -%.0f dB, %d ms reverb tail); ERLE over 100 ms echo-only segments%n",
                    result.processing(), result.farSeconds(), result.cases().getFirst().room().attenuationDb(),
                    result.cases().getFirst().room().reverbMs());
            out.printf("  %-9s %9s %9s %14s %14s %13s%n", "delay", "ERLE p50", "ERLE p10", "after 3 s p50",
                    "after 3 s p10", "CPU ms/s");
            for (EchoBench.Case c : result.cases()) {
                out.printf(Locale.ROOT, "  %6d ms %6.1f dB %6.1f dB %11.1f dB %11.1f dB %13.2f%n", c.room().delayMs(), c.erle().p50(),
                        c.erle().p10(), c.erleConverged().p50(), c.erleConverged().p10(), c.cpuMsPerSecond());
            }
        }
        out.flush();
    }

    private static void put(ObjectNode node, EchoReturnLossEnhancement erle) {
        node.put("p50", round(erle.p50())).put("p10", round(erle.p10())).put("segments", erle.segmentsDb().length);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
