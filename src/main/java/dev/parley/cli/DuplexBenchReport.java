package dev.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.audio.echo.EchoReturnLossEnhancement;
import dev.parley.bench.DuplexBench;
import dev.parley.bench.DuplexCase;
import dev.parley.bench.DuplexGoals;
import dev.parley.bench.SimulatedRoom;
import dev.parley.usage.Percentiles;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints the result of {@code parley bench --duplex}: a table and the goals, or one JSON object with {@code --json}. */
final class DuplexBenchReport {

    private DuplexBenchReport() {
    }

    static void print(DuplexBench.Result r, boolean json, PrintWriter out) throws Exception {
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(json(r)));
        } else {
            text(r, out);
        }
        out.flush();
    }

    private static ObjectNode json(DuplexBench.Result r) {
        ObjectNode root = new ObjectMapper().createObjectNode().put("processing", r.processing())
                .put("decision", r.decision()).put("took_seconds", round(r.seconds()));
        SimulatedRoom room = r.rooms().getFirst().room();
        root.putObject("room").put("attenuation_db", room.attenuationDb()).put("rt60_ms", room.reverbMs())
                .put("snr_db", r.settings().snrDb()).put("user_level_dbfs", round(r.userLevelDbfs()));
        put(root.putObject("erle_db"), r.erle());
        root.putObject("false_barge_ins").put("count", r.falseBargeIns())
                .put("alone_minutes", round(r.aloneMinutes())).put("per_minute", round(r.falseBargeInsPerMinute()));
        ObjectNode bargeIn = root.putObject("barge_in_ms").put("talked_over", r.talkedOver()).put("missed", r.missed());
        if (r.latenciesMs().length > 0) {
            Percentiles p = Percentiles.of(r.latenciesMs());
            bargeIn.put("p50", p.p50()).put("p95", p.p95());
        }
        root.putObject("wer").put("clean", round(r.cleanWer())).put("overlap", round(r.overlapWer()))
                .put("overlap_never_stopping", round(r.neverStoppingWer()));
        root.putObject("wake").put("trials", r.wake().trials()).put("hits", r.wake().hits())
                .put("hit_rate", round(r.wakeHitRate())).put("non_wake_hours", round(r.wake().otherSeconds() / 3600))
                .put("false_accepts", r.wake().falseAccepts()).put("false_accepts_per_hour", round(r.falseAcceptsPerHour()));
        ObjectNode wake = (ObjectNode) root.path("wake");
        r.wake().missed().forEach(wake.putArray("missed")::add);
        r.wake().falselyAccepted().forEach(wake.putArray("falsely_accepted")::add);
        root.putObject("cpu_ms_per_audio_second").put("speaking", round(r.speakingCpuMsPerSecond()))
                .put("waiting_for_wake_word", round(r.waitingCpuMsPerSecond()));
        ArrayNode rooms = root.putArray("rooms");
        for (DuplexCase.Result c : r.rooms()) {
            ObjectNode node = rooms.addObject().put("delay_ms", c.room().delayMs());
            put(node.putObject("erle_db"), c.erle());
            node.put("alone_minutes", round(c.aloneSeconds() / 60)).put("false_barge_ins", c.falseBargeIns())
                    .put("missed", c.missed()).put("overlap_wer", round(c.overlapEdits() / (double) Math.max(1, c.overlapWords())));
            if (c.latenciesMs().length > 0) {
                Percentiles p = Percentiles.of(c.latenciesMs());
                node.putObject("barge_in_ms").put("p50", p.p50()).put("p95", p.p95());
            }
        }
        ArrayNode goals = root.putArray("goals");
        for (DuplexGoals.Goal goal : DuplexGoals.judge(r)) {
            goals.addObject().put("key", goal.key()).put("target", goal.target()).put("measured", goal.measured())
                    .put("verdict", goal.verdict().name().toLowerCase(Locale.ROOT));
        }
        return root;
    }

    private static void text(DuplexBench.Result r, PrintWriter out) {
        SimulatedRoom room = r.rooms().getFirst().room();
        out.printf(Locale.ROOT, "duplex: %s; barge-in decision: %s%n", r.processing(), r.decision());
        out.printf(Locale.ROOT, "Parley's voice through rooms (echo -%.0f dB, RT60 %d ms, noise %.0f dB below speech);"
                + " the user (espeak-ng) as loud as the echo (%.1f dBFS)%n", room.attenuationDb(), room.reverbMs(),
                r.settings().snrDb(), r.userLevelDbfs());
        out.printf("  %-8s %9s %9s %9s %6s %9s %9s %7s %9s%n", "delay", "ERLE p50", "ERLE p10", "alone", "false",
                "barge p50", "barge p95", "missed", "over WER");
        for (DuplexCase.Result c : r.rooms()) {
            String p50 = "-";
            String p95 = "-";
            if (c.latenciesMs().length > 0) {
                Percentiles p = Percentiles.of(c.latenciesMs());
                p50 = p.p50() + " ms";
                p95 = p.p95() + " ms";
            }
            out.printf(Locale.ROOT, "  %5d ms %6.1f dB %6.1f dB %5.1f min %6d %9s %9s %7d %7.1f %%%n", c.room().delayMs(),
                    c.erle().p50(), c.erle().p10(), c.aloneSeconds() / 60, c.falseBargeIns(), p50, p95, c.missed(),
                    100.0 * c.overlapEdits() / Math.max(1, c.overlapWords()));
        }
        out.printf(Locale.ROOT, "ERLE over all rooms: p50 %.1f dB, p10 %.1f dB; false barge-ins %.2f per minute;"
                + " WER clean %.1f %%, over Parley %.1f %% (%.1f %% if Parley never stopped)%n", r.erle().p50(),
                r.erle().p10(), r.falseBargeInsPerMinute(), 100 * r.cleanWer(), 100 * r.overlapWer(),
                100 * r.neverStoppingWer());
        out.printf(Locale.ROOT, "wake word: %d/%d hits; %d false accepts in %.2f h of non-wake speech (%.2f per hour)%n",
                r.wake().hits(), r.wake().trials(), r.wake().falseAccepts(), r.wake().otherSeconds() / 3600,
                r.falseAcceptsPerHour());
        r.wake().missed().forEach(missed -> out.printf("  missed: %s%n", missed));
        r.wake().falselyAccepted().forEach(accepted -> out.printf("  woke on: %s%n", accepted));
        out.printf(Locale.ROOT, "CPU per second of audio: %.1f ms while Parley speaks (canceller; barge-in gate: end-pointer,"
                + " watcher, recognizer on each stretch of sound); %.1f ms waiting for the wake word (canceller,"
                + " end-pointer, spotter)%n",
                r.speakingCpuMsPerSecond(), r.waitingCpuMsPerSecond());
        out.println("goals:");
        for (DuplexGoals.Goal goal : DuplexGoals.judge(r)) {
            out.printf("  %-44s %-36s %s%n", goal.target(), goal.measured(),
                    goal.verdict() == DuplexGoals.Verdict.TOO_SHORT ? "too short to tell" : goal.verdict().name().toLowerCase(Locale.ROOT));
        }
        out.printf(Locale.ROOT, "took %.0f s%n", r.seconds());
    }

    private static void put(ObjectNode node, EchoReturnLossEnhancement erle) {
        node.put("p50", round(erle.p50())).put("p10", round(erle.p10())).put("segments", erle.segmentsDb().length);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
