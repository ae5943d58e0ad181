package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The speech queue on a real output device (the PulseAudio null sink on CI), checked by ear. */
@Tag("audio")
class PlaybackTest {

    private static final int RATE = 48_000;

    private final List<Integer> played = new CopyOnWriteArrayList<>();
    private final AtomicLong startedAt = new AtomicLong();
    private final Playback.Listener listener = new Playback.Listener() {
        @Override
        public void started(long nanoTime) {
            startedAt.set(nanoTime);
        }

        @Override
        public void clipPlayed(int index) {
            played.add(index);
        }
    };

    @BeforeEach
    void needsAnOutputDevice() {
        SinkMonitor.requireOutputDevice();
    }

    @Test
    void playsQueuedClipsBackToBackAndReportsEachOneInOrder() throws Exception {
        AudioClip[] heard = new AudioClip[1];
        heard[0] = SinkMonitor.listenWhile(() -> {
            Playback playback = new Speaker(null).open(RATE, listener);
            long queuedAt = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                playback.enqueue(Signals.sine(1000, 0.5, 0.3, RATE));
            }
            playback.endOfInput();

            assertThat(playback.done().get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(startedAt.get() - queuedAt).as("ns from queueing to the first sample written")
                    .isLessThan(100_000_000L);
        });

        assertThat(played).containsExactly(0, 1, 2);
        assertThat(SinkMonitor.loudPart(heard[0]).durationSeconds()).isCloseTo(0.9, within(0.03));
    }

    @Test
    void aClipQueuedAfterTheLastOneEndedStillPlaysInFull() throws Exception {
        // The synthesizer is sometimes slower than playback: the line runs dry between two chunks.
        AudioClip heard = SinkMonitor.listenWhile(() -> {
            Playback playback = new Speaker(null).open(RATE, listener);
            playback.enqueue(Signals.sine(1000, 0.5, 0.3, RATE));
            Thread.sleep(700);
            playback.enqueue(Signals.sine(1000, 0.5, 0.3, RATE));
            playback.endOfInput();
            assertThat(playback.done().get(5, TimeUnit.SECONDS)).isTrue();
        });

        assertThat(played).containsExactly(0, 1);
        assertThat(Signals.toneSeconds(heard)).as("seconds of tone heard").isCloseTo(0.6, within(0.03));
    }

    @Test
    void stopSilencesAtOnceAndKnowsWhatWasHeard() throws Exception {
        Playback.Position[] stoppedAt = new Playback.Position[1];
        long[] stopNanos = new long[1];
        AudioClip heard = SinkMonitor.listenWhile(() -> {
            Playback playback = new Speaker(null).open(RATE, listener);
            playback.enqueue(Signals.sine(1000, 0.5, 1.0, RATE));
            playback.enqueue(Signals.sine(1000, 0.5, 3.0, RATE));
            Thread.sleep(2500);
            long before = System.nanoTime();
            stoppedAt[0] = playback.stop();
            stopNanos[0] = System.nanoTime() - before;
            assertThat(playback.done().get(1, TimeUnit.SECONDS)).isFalse();
        });

        assertThat(stopNanos[0]).as("ns to stop").isLessThan(100_000_000L);
        double reportedSeconds = stoppedAt[0].clip() == 0
                ? stoppedAt[0].fraction()
                : 1.0 + 3.0 * stoppedAt[0].fraction();
        // The line reports what the sound server took, in steps of its request size (~0.1-0.4 s
        // through ALSA's PulseAudio plugin), not what the device played that instant.
        assertThat(reportedSeconds).isCloseTo(Signals.toneSeconds(heard), within(0.5));
        assertThat(played).containsExactlyElementsOf(stoppedAt[0].clip() == 1 ? List.of(0) : List.of());
    }
}
