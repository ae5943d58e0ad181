package dev.parley.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timers outlive the Parley that set them: told at the next start if they went off meanwhile, else run on. */
class TimersAcrossRestartsTest {

    private static final Path LOG = Path.of(System.getProperty("parley.log.dir", "target/test-logs"))
            .resolve("parley.log");

    private static final Instant TWO_PM = Instant.parse("2026-12-04T14:00:00Z");
    private static final PendingTimers.Owner EARLIER_PARLEY = new PendingTimers.Owner(11, Instant.EPOCH);
    private static final PendingTimers.Owner THIS_PARLEY = new PendingTimers.Owner(22, Instant.EPOCH);

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("timers.json");
    }

    /** The timers of a Parley process {@code self}, which sees only itself running. */
    private PendingTimers pendingOf(PendingTimers.Owner self) {
        return new PendingTimers(file(), self, owner -> owner.equals(self));
    }

    @Test
    void aTimerDueWhileParleyWasClosedIsToldOnceAtTheNextStartSayingWhen() throws Exception {
        try (Timers before = new Timers(timer -> {}, Clock.fixed(TWO_PM, ZoneOffset.UTC), pendingOf(EARLIER_PARLEY))) {
            before.resume(); // as the window, chat and serve do at their start
            before.set(300, "tea");
        } // Parley closes with the tea timer running

        LinkedBlockingQueue<FinishedTimer> told = new LinkedBlockingQueue<>();
        Clock tenPast = Clock.fixed(TWO_PM.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        try (Timers after = new Timers(told::add, tenPast, pendingOf(THIS_PARLEY))) {
            after.resume();

            FinishedTimer tea = told.poll(1, TimeUnit.SECONDS);
            assertThat(tea).isEqualTo(new FinishedTimer("tea", 300, TWO_PM.plusSeconds(300), true));
            assertThat(tea.sentence(ZoneOffset.UTC, tenPast.instant()))
                    .isEqualTo("Your 5-minute timer 'tea' went off at 14:05 while Parley was closed.");
            assertThat(after.list()).isEqualTo("No timers are running.");

            after.resume();
            assertThat(told).as("told once").isEmpty();
        }
        try (Timers third = new Timers(told::add, tenPast, pendingOf(new PendingTimers.Owner(33, Instant.EPOCH)))) {
            third.resume();
            assertThat(told.poll(200, TimeUnit.MILLISECONDS)).as("not told again by the start after").isNull();
        }
    }

    /** The window resumes its timers once its start-up loads end; a question typed before may set one. */
    @Test
    void aTimerSetBeforeTheTimersWereResumedIsKeptToo() throws Exception {
        try (Timers before = new Timers(timer -> {}, Clock.fixed(TWO_PM, ZoneOffset.UTC), pendingOf(EARLIER_PARLEY))) {
            before.set(300, "tea");
            before.resume();
        }

        LinkedBlockingQueue<FinishedTimer> told = new LinkedBlockingQueue<>();
        try (Timers after = new Timers(told::add, Clock.fixed(TWO_PM.plus(Duration.ofMinutes(10)), ZoneOffset.UTC),
                pendingOf(THIS_PARLEY))) {
            after.resume();

            assertThat(told.poll(1, TimeUnit.SECONDS)).isEqualTo(new FinishedTimer("tea", 300, TWO_PM.plusSeconds(300),
                    true));
        }
    }

    @Test
    void damagedEntriesInTheFileCostOnlyThemselves() throws Exception {
        String eggs = "{\"id\":\"e\",\"label\":\"eggs\",\"seconds\":60,\"due\":\"2026-12-04T14:01:00Z\","
                + "\"owner\":{\"pid\":11,\"started\":\"1970-01-01T00:00:00Z\"}}";
        Files.writeString(file(), "[null, " + eggs + ","
                + " {\"id\":\"a\",\"label\":\"no owner\",\"seconds\":5,\"due\":\"2020-01-01T00:00:00Z\"},"
                + " {\"id\":null,\"label\":\"no id\",\"seconds\":5,\"due\":\"2020-01-01T00:00:00Z\"},"
                + " {\"id\":\"far\",\"label\":\"far off\",\"seconds\":5,\"due\":\"+1000000000-01-01T00:00:00Z\","
                + "\"owner\":{\"pid\":11,\"started\":\"1970-01-01T00:00:00Z\"}}]");

        LinkedBlockingQueue<FinishedTimer> told = new LinkedBlockingQueue<>();
        try (Timers after = new Timers(told::add, Clock.fixed(TWO_PM, ZoneOffset.UTC), pendingOf(THIS_PARLEY))) {
            after.resume();

            assertThat(after.list()).isEqualTo("'eggs': 1 minute left");
            assertThat(told).isEmpty();
        }
        assertThat(pendingOf(THIS_PARLEY).read()).extracting(PendingTimers.Entry::label).containsExactly("eggs");
    }

    @Test
    void aTimerStillRunningAtTheNextStartGoesOffWhenItWasDue() throws Exception {
        try (Timers before = new Timers(timer -> {}, Clock.fixed(TWO_PM, ZoneOffset.UTC), pendingOf(EARLIER_PARLEY))) {
            before.resume();
            before.set(600, "pasta");
            before.set(2, "eggs");
        }

        LinkedBlockingQueue<FinishedTimer> told = new LinkedBlockingQueue<>();
        Clock oneSecondLater = Clock.fixed(TWO_PM.plusSeconds(1), ZoneOffset.UTC);
        try (Timers after = new Timers(told::add, oneSecondLater, pendingOf(THIS_PARLEY))) {
            after.resume();

            assertThat(after.list()).isEqualTo("'eggs': 1 second left; 'pasta': 9 minutes 59 seconds left");
            FinishedTimer eggs = told.poll(5, TimeUnit.SECONDS); // its one second left, in real time
            assertThat(eggs).isEqualTo(new FinishedTimer("eggs", 2, TWO_PM.plusSeconds(2), false));
            assertThat(eggs.sentence(ZoneOffset.UTC, oneSecondLater.instant())).isEqualTo("Your eggs timer is done.");
            assertThat(new PendingTimers(file()).read()).extracting(PendingTimers.Entry::label)
                    .containsExactly("pasta");
        }
    }

    @Test
    void anotherParleyStillRunningKeepsItsTimers() throws Exception {
        try (Timers window = new Timers(timer -> {}, Clock.fixed(TWO_PM, ZoneOffset.UTC), pendingOf(EARLIER_PARLEY))) {
            window.resume();
            window.set(60, "window's");

            LinkedBlockingQueue<FinishedTimer> told = new LinkedBlockingQueue<>();
            PendingTimers bothRunning = new PendingTimers(file(), THIS_PARLEY, owner -> true);
            try (Timers chat = new Timers(told::add, Clock.fixed(TWO_PM.plusSeconds(120), ZoneOffset.UTC),
                    bothRunning)) {
                chat.resume();

                assertThat(told.poll(200, TimeUnit.MILLISECONDS)).isNull();
                assertThat(chat.list()).isEqualTo("No timers are running.");
                assertThat(bothRunning.read()).extracting(PendingTimers.Entry::owner).containsExactly(EARLIER_PARLEY);
            }
        }
    }

    @Test
    void theTimersFileIsTheUsersAloneAndADamagedOneIsSetAside() throws Exception {
        try (Timers timers = new Timers(timer -> {}, Clock.systemUTC(), pendingOf(THIS_PARLEY))) {
            timers.resume();
            timers.set(60, "tea");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");

        Files.writeString(file(), "[{\"id\": ");
        long logged = Files.exists(LOG) ? Files.size(LOG) : 0;
        LinkedBlockingQueue<FinishedTimer> told = new LinkedBlockingQueue<>();
        try (Timers timers = new Timers(told::add, Clock.systemUTC(), pendingOf(THIS_PARLEY))) {
            timers.resume();
            timers.set(60, "coffee");
        }
        assertThat(told).isEmpty();
        assertThat(folder.resolve("timers.json.unreadable")).hasContent("[{\"id\": ");
        byte[] log = Files.readAllBytes(LOG);
        assertThat(new String(log, (int) logged, log.length - (int) logged, StandardCharsets.UTF_8))
                .contains("The timers file " + file() + " is damaged: it ends early (line 1, column 9); it was moved"
                        + " aside to " + folder.resolve("timers.json.unreadable") + ", and the timers it held are lost")
                .doesNotContain("REDACTED", "marker", "StreamReadFeature");
        assertThat(new PendingTimers(file()).read()).extracting(PendingTimers.Entry::label).containsExactly("coffee");
    }

    @Test
    void aOneShotCommandsTimersEndWithIt() throws Exception {
        try (Timers ask = new Timers(timer -> {}, Clock.fixed(TWO_PM, ZoneOffset.UTC), pendingOf(EARLIER_PARLEY))) {
            ask.set(300, "tea"); // no resume: 'ask' is not a long-running mode
        }
        assertThat(new PendingTimers(file()).read()).isEmpty();
    }

    @Test
    void missedTimersSayTheirLengthAndTheDayWhenItWasNotToday() {
        ZoneId zone = ZoneOffset.UTC;
        Instant nextMorning = Instant.parse("2026-12-05T08:00:00Z");
        assertThat(new FinishedTimer("timer", 3600, TWO_PM, true).sentence(zone, nextMorning))
                .isEqualTo("Your 1-hour timer went off at 14:00 on 4 December while Parley was closed.");
        assertThat(List.of(45L, 90L, 7200L).stream()
                .map(seconds -> new FinishedTimer("x", seconds, TWO_PM, true).sentence(zone, TWO_PM)).toList())
                .containsExactly("Your 45-second timer 'x' went off at 14:00 while Parley was closed.",
                        "Your 1 minute 30 seconds timer 'x' went off at 14:00 while Parley was closed.",
                        "Your 2-hour timer 'x' went off at 14:00 while Parley was closed.");
    }
}
