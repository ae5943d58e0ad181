package dev.parley.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A timers file holding far more than any Parley sets: it must not flood the start with announcements. */
class TimersFileFloodTest {

    private static final Instant TWO_PM = Instant.parse("2026-12-04T14:00:00Z");
    private static final PendingTimers.Owner THIS_PARLEY = new PendingTimers.Owner(22, Instant.EPOCH);

    @TempDir
    Path folder;

    private PendingTimers pending() {
        return new PendingTimers(folder.resolve("timers.json"), THIS_PARLEY, owner -> owner.equals(THIS_PARLEY));
    }

    private static String entry(String id, String label, Instant due) {
        return "{\"id\":\"" + id + "\",\"label\":\"" + label + "\",\"seconds\":60,\"due\":\"" + due + "\","
                + "\"owner\":{\"pid\":11,\"started\":\"1970-01-01T00:00:00Z\"}}";
    }

    @Test
    void thousandsOfTimersInTheFileAreNeitherAllToldNorAllRun() throws Exception {
        // 1,500 that went off while Parley was closed (the latest at 13:59:59), 1,500 still to go off.
        List<String> entries = new ArrayList<>();
        IntStream.range(0, 1500).forEach(i -> entries.add(entry("m" + i, "missed " + i, TWO_PM.minusSeconds(1500 - i))));
        IntStream.range(0, 1500).forEach(i -> entries.add(entry("u" + i, "upcoming " + i, TWO_PM.plusSeconds(600 + i))));
        Files.writeString(folder.resolve("timers.json"), entries.stream().collect(Collectors.joining(",", "[", "]")));

        LinkedBlockingQueue<FinishedTimer> told = new LinkedBlockingQueue<>();
        try (Timers timers = new Timers(told::add, Clock.fixed(TWO_PM, ZoneOffset.UTC), pending())) {
            timers.resume();

            assertThat(told).hasSize(Timers.MAX_RUNNING);
            assertThat(told).extracting(FinishedTimer::label).first().isEqualTo("missed 1480");
            assertThat(told).extracting(FinishedTimer::label).last().isEqualTo("missed 1499");
            assertThat(timers.list().split("; ")).hasSize(Timers.MAX_RUNNING);
        }
        assertThat(pending().read()).hasSize(Timers.MAX_RUNNING)
                .extracting(PendingTimers.Entry::label).first().isEqualTo("upcoming 0");
    }

    @Test
    void aLabelLongerThanSetTimerTakesIsNoTimerParleySet() throws Exception {
        Files.writeString(folder.resolve("timers.json"), "[" + entry("long", "x".repeat(100_000), TWO_PM) + ","
                + entry("tea", "tea", TWO_PM) + "]");

        LinkedBlockingQueue<FinishedTimer> told = new LinkedBlockingQueue<>();
        try (Timers timers = new Timers(told::add, Clock.fixed(TWO_PM, ZoneOffset.UTC), pending())) {
            timers.resume();
        }
        assertThat(told).extracting(FinishedTimer::label).containsExactly("tea");
    }
}
