package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.audio.echo.EchoReturnLossEnhancement;
import dev.parley.bench.DuplexBench;
import dev.parley.bench.DuplexCase;
import dev.parley.bench.SimulatedRoom;
import dev.parley.bench.WakeBench;
import dev.parley.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code bench --duplex} prints for a given result, and the options it refuses before loading anything. */
class DuplexBenchReportTest {

    /** Two rooms: 6 minutes alone without a false barge-in, one talked-over answer missed. */
    private static DuplexBench.Result result(int falseBargeIns, List<String> falselyAccepted) {
        DuplexBench.Settings settings = new DuplexBench.Settings(6, 2, 4, 30, List.of(20, 60), 20);
        DuplexCase.Result first = new DuplexCase.Result(SimulatedRoom.withDelay(20),
                new EchoReturnLossEnhancement(new double[] {30, 40, 50}), 180, falseBargeIns, new long[] {300, 500}, 0,
                2, 5, 20, 1_000_000_000L, 300, 2_000_000_000L, 200);
        DuplexCase.Result second = new DuplexCase.Result(SimulatedRoom.withDelay(60),
                new EchoReturnLossEnhancement(new double[] {10, 60}), 180, 0, new long[] {350}, 1, 3, 6, 20,
                1_000_000_000L, 300, 2_000_000_000L, 200);
        return new DuplexBench.Result("WebRTC echo cancellation", "watcher", settings, -20, List.of(first, second), 4,
                40, new WakeBench.Result(4, 4, List.of(), 1800, falselyAccepted, 900_000_000L), 95);
    }

    @Test
    void jsonHasStableKeysAndAVerdictPerGoal() throws Exception {
        StringWriter text = new StringWriter();
        DuplexBenchReport.print(result(0, List.of()), true, new PrintWriter(text));

        JsonNode json = new ObjectMapper().readTree(text.toString());
        assertThat(json.path("erle_db").path("p50").asDouble()).isEqualTo(40);
        assertThat(json.path("erle_db").path("segments").asInt()).isEqualTo(5);
        assertThat(json.path("false_barge_ins").path("alone_minutes").asDouble()).isEqualTo(6);
        assertThat(json.path("barge_in_ms").path("p50").asLong()).isEqualTo(350);
        assertThat(json.path("barge_in_ms").path("missed").asInt()).isEqualTo(1);
        assertThat(json.path("wer").path("clean").asDouble()).isEqualTo(0.1);
        assertThat(json.path("wer").path("overlap").asDouble()).isEqualTo(0.125);
        assertThat(json.path("wer").path("overlap_never_stopping").asDouble()).isEqualTo(0.275);
        assertThat(json.path("wake").path("non_wake_hours").asDouble()).isEqualTo(0.5);
        // 1 + 1 s of canceller over 600 s, 4 s of listeners over 400 s: 3.33 + 10 ms per second
        assertThat(json.path("cpu_ms_per_audio_second").path("speaking").asDouble()).isEqualTo(13.333);
        assertThat(json.path("rooms").findValuesAsText("delay_ms")).containsExactly("20", "60");
        assertThat(json.path("goals").findValuesAsText("verdict"))
                .containsExactly("pass", "too_short", "pass", "pass", "pass", "pass");
    }

    @Test
    void aFalseBargeInOrTwoFalseAcceptsInHalfAnHourFailTheirGoals() throws Exception {
        StringWriter text = new StringWriter();
        DuplexBenchReport.print(result(1, List.of("hey barley is a kind of grain (+0 dB)", "hey harley come over here (-6 dB)")), false, new PrintWriter(text));

        assertThat(text.toString()).containsPattern("0 false barge-ins in 10 min of Parley alone +1 in 6.0 min +fail")
                .containsPattern("<= 1 wake false accept per hour +2 in 0.50 h +fail")
                .containsPattern("ERLE p50 >= 25 dB +40.0 dB +pass")
                .contains("woke on: hey harley come over here (-6 dB)");
    }

    @Test
    void refusesTwoBenchmarksAtOnceAndEmptyRuns() {
        CliRun both = CliRun.of("bench", "--echo", "--duplex");
        CliRun soakToo = CliRun.of("bench", "--soak", "--duplex");
        CliRun none = CliRun.of("bench", "--duplex", "--minutes", "0");

        assertThat(both.exitCode()).isNotZero();
        assertThat(both.err()).contains("--echo, --duplex and --soak are separate benchmarks: pick one");
        assertThat(soakToo.exitCode()).isNotZero();
        assertThat(soakToo.err()).contains("pick one");
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.err()).contains("--minutes must be more than 0 and at most 60");
    }
}
