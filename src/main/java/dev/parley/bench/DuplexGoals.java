package dev.parley.bench;

import dev.parley.usage.Percentiles;
import java.util.List;
import java.util.Locale;

/** The duplex benchmark's goals (issue 14), each judged on a {@link DuplexBench.Result}. */
public final class DuplexGoals {

    /** Met, missed, or measured on too little audio to say (a shortened run). */
    public enum Verdict { PASS, FAIL, TOO_SHORT }

    /**
     * @param key stable name for {@code --json}
     * @param target the goal, in words
     * @param measured what was measured, in words
     */
    public record Goal(String key, String target, String measured, Verdict verdict) {}

    static final double ERLE_P50_DB = 25;
    static final double ALONE_MINUTES = 10;
    static final long BARGE_IN_P50_MS = 400;
    static final double WER_POINTS = 0.05;
    static final double WAKE_HIT_RATE = 0.95;
    static final double FALSE_ACCEPTS_PER_HOUR = 1;

    private DuplexGoals() {
    }

    public static List<Goal> judge(DuplexBench.Result r) {
        double erle = r.erle().p50();
        long[] latencies = r.latenciesMs();
        Goal bargeIn = latencies.length == 0
                ? new Goal("barge_in_p50", "barge-in p50 <= 400 ms", "never fired", Verdict.FAIL)
                : latency(Percentiles.of(latencies), r.missed(), r.talkedOver());
        return List.of(
                new Goal("erle_p50", "ERLE p50 >= 25 dB", format("%.1f dB", erle), verdict(erle >= ERLE_P50_DB)),
                new Goal("false_barge_ins", "0 false barge-ins in 10 min of Parley alone",
                        format("%d in %.1f min", r.falseBargeIns(), r.aloneMinutes()),
                        r.falseBargeIns() > 0 ? Verdict.FAIL
                                : r.aloneMinutes() < ALONE_MINUTES ? Verdict.TOO_SHORT : Verdict.PASS),
                bargeIn,
                new Goal("overlap_wer", "overlap WER <= clean WER + 5 points",
                        format("%.1f %% vs %.1f %% clean", 100 * r.overlapWer(), 100 * r.cleanWer()),
                        verdict(r.overlapWer() <= r.cleanWer() + WER_POINTS + 1e-9)),
                new Goal("wake_hit_rate", "wake hit rate >= 95 %", format("%d/%d = %.1f %%", r.wake().hits(),
                        r.wake().trials(), 100 * r.wakeHitRate()), verdict(r.wakeHitRate() >= WAKE_HIT_RATE)),
                new Goal("wake_false_accepts", "<= 1 wake false accept per hour",
                        format("%d in %.2f h", r.wake().falseAccepts(), r.wake().otherSeconds() / 3600),
                        r.falseAcceptsPerHour() <= FALSE_ACCEPTS_PER_HOUR ? Verdict.PASS
                                // one accept in less than an hour already breaks the rate
                                : r.wake().otherSeconds() < 3600 && r.wake().falseAccepts() <= 1 ? Verdict.TOO_SHORT
                                : Verdict.FAIL));
    }

    private static Goal latency(Percentiles p, int missed, int talkedOver) {
        return new Goal("barge_in_p50", "barge-in p50 <= 400 ms",
                format("%d ms (p95 %d ms; missed %d of %d)", p.p50(), p.p95(), missed, talkedOver),
                // p50 is over the decisions that fired; when half or more never did, the median is a miss
                verdict(p.p50() <= BARGE_IN_P50_MS && 2 * missed < talkedOver));
    }

    private static Verdict verdict(boolean met) {
        return met ? Verdict.PASS : Verdict.FAIL;
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
