package dev.parley.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimersTest {

    @Test
    void aTimerAnnouncesItselfWhenDone() throws Exception {
        LinkedBlockingQueue<String> announced = new LinkedBlockingQueue<>();
        try (Timers timers = new Timers(timer -> announced.add(timer.label()), Clock.systemUTC())) {
            String confirmation = timers.setTimerTool().execute(ToolArguments.of(Map.of("seconds", 1, "label", "tea")));

            assertThat(confirmation).isEqualTo("Timer 'tea' set for 1 second.");
            assertThat(timers.list()).startsWith("'tea': ");
            assertThat(announced.poll(3, TimeUnit.SECONDS)).isEqualTo("tea");
            assertThat(timers.list()).isEqualTo("No timers are running.");
        }
    }

    @Test
    void listsRunningTimersSoonestFirst() {
        try (Timers timers = new Timers(timer -> {}, Clock.systemUTC())) {
            timers.set(600, "pasta");
            timers.set(90, "eggs");

            assertThat(timers.listTimersTool().execute(ToolArguments.of(Map.of())))
                    .matches("'eggs': 1 minute 2\\d seconds left; 'pasta': (10 minutes|9 minutes 5\\d seconds) left");
        }
    }

    @ParameterizedTest(name = "{0} s")
    @CsvSource({"0", "-5", "86401"})
    void refusesDurationsOutsideOneSecondToADay(long seconds) {
        try (Timers timers = new Timers(timer -> {}, Clock.systemUTC())) {
            assertThatThrownBy(() -> timers.set(seconds, "x")).isInstanceOf(ToolException.class)
                    .hasMessageContaining("between 1 second and 24 hours");
        }
    }

    @ParameterizedTest(name = "{0} s → {1}")
    @CsvSource({"1, 1 second", "59, 59 seconds", "60, 1 minute", "3725, 1 hour 2 minutes 5 seconds",
            "86400, 24 hours"})
    void saysDurationsTheWayPeopleDo(long seconds, String spoken) {
        assertThat(Timers.spoken(seconds)).isEqualTo(spoken);
    }

    @Test
    void anUnlabelledTimerIsCalledTimer() {
        try (Timers timers = new Timers(timer -> {}, Clock.systemUTC())) {
            assertThat(timers.setTimerTool().execute(ToolArguments.of(Map.of("seconds", "120"))))
                    .isEqualTo("Timer 'timer' set for 2 minutes.");
        }
    }

    @Test
    void markdownAModelPutInTheLabelIsNotSaidAloud() {
        try (Timers timers = new Timers(timer -> {}, Clock.systemUTC())) {
            assertThat(timers.set(60, "**tea**")).isEqualTo("Timer 'tea' set for 1 minute.");
            assertThat(timers.set(60, "`pasta` _al dente_")).isEqualTo("Timer 'pasta al dente' set for 1 minute.");
            assertThat(timers.set(60, "tea_time")).isEqualTo("Timer 'tea_time' set for 1 minute.");
            assertThat(timers.set(60, "## **")).isEqualTo("Timer 'timer' set for 1 minute.");
        }
    }

    @Test
    void refusesMoreThanTwentyRunningTimersUntilOneIsDone() throws Exception {
        LinkedBlockingQueue<String> announced = new LinkedBlockingQueue<>();
        try (Timers timers = new Timers(timer -> announced.add(timer.label()), Clock.systemUTC())) {
            timers.set(1, "soon");
            for (int i = 1; i < Timers.MAX_RUNNING; i++) {
                timers.set(3600, "later " + i);
            }

            assertThatThrownBy(() -> timers.set(60, "one too many")).isInstanceOf(ToolException.class)
                    .hasMessage("20 timers are already running, the most there may be; set no more until one is"
                            + " done, and tell the user");
            assertThat(announced.poll(5, TimeUnit.SECONDS)).isEqualTo("soon");
            assertThat(timers.set(60, "now there is room")).startsWith("Timer 'now there is room' set");
        }
    }

    @Test
    void refusesALabelLongerThanAHundredCharacters() {
        try (Timers timers = new Timers(timer -> {}, Clock.systemUTC())) {
            assertThatThrownBy(() -> timers.set(60, "x".repeat(5000))).isInstanceOf(ToolException.class)
                    .hasMessageStartingWith("the label is 5000 characters long");
            assertThat(timers.list()).isEqualTo("No timers are running.");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1e400", "99999999999999999999999999"})
    void theToolRefusesAbsurdDurationsSayingTheRange(String seconds) {
        try (Timers timers = new Timers(timer -> {}, Clock.systemUTC())) {
            assertThatThrownBy(() -> timers.setTimerTool().execute(ToolArguments.of(Map.of("seconds", seconds))))
                    .isInstanceOf(ToolException.class)
                    .hasMessageStartingWith("a timer must run between 1 second and 24 hours (86400 seconds)");
        }
    }
}
