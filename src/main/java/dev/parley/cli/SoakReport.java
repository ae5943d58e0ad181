package dev.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.bench.ProcessSample;
import dev.parley.bench.SoakBench;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints the result of {@code parley bench --soak}: a table of samples, or one JSON object with {@code --json}. */
final class SoakReport {

    private SoakReport() {}

    static void print(SoakBench.Result result, boolean json, PrintWriter out) throws Exception {
        ProcessSample first = result.samples().getFirst();
        ProcessSample last = result.samples().getLast();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode().put("turns", result.turns())
                    .put("warmup_turns", result.warmupTurns()).put("failed_turns", result.failedTurns())
                    .put("seconds", Math.round(result.seconds()))
                    .put("rss_after_warmup_kb", first.rssKb()).put("rss_end_kb", last.rssKb())
                    .put("rss_growth_percent", Math.round(result.rssGrowthPercent() * 100) / 100.0)
                    .put("threads_after_warmup", first.threads()).put("threads_end", last.threads())
                    .put("thread_growth", result.threadGrowth());
            ArrayNode samples = root.putArray("samples");
            for (ProcessSample sample : result.samples()) {
                samples.addObject().put("turn", sample.turn()).put("rss_kb", sample.rssKb())
                        .put("threads", sample.threads()).put("heap_used_kb", sample.heapUsedKb())
                        .put("heap_committed_kb", sample.heapCommittedKb())
                        .put("non_heap_committed_kb", sample.nonHeapCommittedKb()).put("direct_kb", sample.directKb())
                        .put("other_native_kb", sample.otherNativeKb());
            }
            out.println(mapper.writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "soak: %d turns after %d warm-up turns in %.0f s, %d failed; each answer played to its end%n",
                    result.turns(), result.warmupTurns(), result.seconds(), result.failedTurns());
            out.printf("  %6s %8s %8s %9s %9s %9s %9s%n", "turn", "RSS MB", "threads", "heap live", "heap comm",
                    "non-heap", "native");
            for (ProcessSample sample : result.samples()) {
                out.printf(Locale.ROOT, "  %6d %8.1f %8d %9.1f %9.1f %9.1f %9.1f%n", sample.turn(), sample.rssKb() / 1024.0,
                        sample.threads(), sample.heapUsedKb() / 1024.0, sample.heapCommittedKb() / 1024.0,
                        sample.nonHeapCommittedKb() / 1024.0, sample.otherNativeKb() / 1024.0);
            }
            out.printf(Locale.ROOT, "resident memory after warm-up %.1f MB, at the end %.1f MB; growth %+.2f %% (median of the"
                    + " last three samples over the first three); threads %d → %d%n", first.rssKb() / 1024.0,
                    last.rssKb() / 1024.0, result.rssGrowthPercent(), first.threads(), last.threads());
        }
        out.flush();
    }
}
