package dev.parley.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.CapturedLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A timers file that cannot be written (a full disk, a folder not writable, a file in the way): on a
 * full disk every start warned "Could not take over the timers of a closed Parley", though there were
 * none, and the warning said neither what was wrong nor what to do.
 */
class TimersFileUnwritableTest {

    private static final PendingTimers.Owner THIS_PARLEY = new PendingTimers.Owner(22, Instant.EPOCH);

    @TempDir
    Path folder;

    /** The timers file of a data folder where a file stands: nothing can be written there. */
    private PendingTimers blockedTimers() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("parley"), "a file where the data folder goes");
        return new PendingTimers(notAFolder.resolve("timers.json"), THIS_PARLEY, owner -> owner.equals(THIS_PARLEY));
    }

    @Test
    void aStartWithNoTimersKeptWritesNothingAndWarnsOfNothing() throws Exception {
        PendingTimers timers = blockedTimers();

        try (CapturedLog log = CapturedLog.of(PendingTimers.class)) {
            assertThat(timers.takeOrphans(Instant.now())).isEmpty();

            assertThat(log.at(Level.WARN)).isEmpty();
        }
    }

    @Test
    void aTimerThatCannotBeKeptSaysWhatItMeansAndWhatToDo() throws Exception {
        PendingTimers timers = blockedTimers();

        try (CapturedLog log = CapturedLog.of(PendingTimers.class)) {
            timers.add(new PendingTimers.Entry("1", "tea", 300, Instant.now().plusSeconds(300), THIS_PARLEY));

            assertThat(log.at(Level.WARN)).singleElement().satisfies(warning -> assertThat(warning)
                    .startsWith("Could not write the timers file " + folder.resolve("parley/timers.json"))
                    .contains("the timer 'tea' goes off while this Parley runs, but is lost if it closes first")
                    .endsWith(folder.resolve("parley") + " is a file, not a folder: move it away."));
        }
    }
}
