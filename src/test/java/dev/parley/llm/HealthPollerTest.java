package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Background health polling on a fake clock: due providers, backoff while failing, quiet during turns. */
class HealthPollerTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final List<String> asked = new ArrayList<>();
    private final Set<String> down = Set.of("dead");
    private final AtomicBoolean turnRunning = new AtomicBoolean();

    private HealthPoller poller() {
        return new HealthPoller(List.of("local", "dead"), provider -> {
            asked.add(provider);
            return !down.contains(provider);
        }, MINUTE, turnRunning::get, clock);
    }

    @Test
    void everyProviderIsCheckedAtOnceThenOncePerInterval() {
        HealthPoller poller = poller();

        assertThat(poller.poll()).containsExactly("local", "dead");
        clock.advance(Duration.ofSeconds(59));
        assertThat(poller.poll()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(poller.poll()).contains("local");
    }

    @Test
    void aFailingProviderIsCheckedLessOftenUpToTenIntervals() {
        HealthPoller poller = poller();
        List<Long> minutesBetweenChecksOfDead = new ArrayList<>();
        long lastMinute = 0;
        poller.poll();
        for (long minute = 1; minute <= 60; minute++) {
            clock.advance(MINUTE);
            if (poller.poll().contains("dead")) {
                minutesBetweenChecksOfDead.add(minute - lastMinute);
                lastMinute = minute;
            }
        }

        assertThat(minutesBetweenChecksOfDead).startsWith(2L, 4L, 8L, 10L, 10L);
        assertThat(asked.stream().filter("local"::equals)).hasSize(61);
    }

    @Test
    void recoveryResetsTheBackoff() {
        HealthPoller poller = poller();
        assertThat(poller.waitAfter(0)).isEqualTo(MINUTE);
        assertThat(poller.waitAfter(3)).isEqualTo(MINUTE.multipliedBy(8));
        assertThat(poller.waitAfter(40)).isEqualTo(MINUTE.multipliedBy(10));
    }

    @Test
    void nothingIsCheckedWhileATurnRunsAndDueChecksRunAfterIt() {
        HealthPoller poller = poller();
        turnRunning.set(true);

        assertThat(poller.poll()).isEmpty();
        assertThat(asked).isEmpty();

        turnRunning.set(false);
        assertThat(poller.poll()).containsExactly("local", "dead");
    }

    @Test
    void aCheckThatThrowsCountsAsAFailureAndPollingGoesOn() {
        HealthPoller poller = new HealthPoller(List.of("broken", "local"), provider -> {
            if (provider.equals("broken")) {
                throw new IllegalStateException("no route");
            }
            return true;
        }, MINUTE, () -> false, clock);

        assertThat(poller.poll()).containsExactly("broken", "local");
        clock.advance(MINUTE);
        assertThat(poller.poll()).containsExactly("local");
    }
}
