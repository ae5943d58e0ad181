package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The microphone's capture, recordings and recovery, on a {@link FakeCaptureDevice}: no sound card needed. */
class MicrophoneCaptureTest {

    private static final Microphone.Patience QUICK = new Microphone.Patience(
            Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofMillis(100));

    @Test
    void aRecordingGetsThePreRollThenLiveBlocksWithoutGapOrRepeat() throws Exception {
        FakeCaptureDevice device = FakeCaptureDevice.counting();
        List<float[]> delivered = new CopyOnWriteArrayList<>();
        AudioClip clip;
        try (Microphone microphone = Microphone.open(device, Duration.ofMillis(300), MicrophoneListener.NONE, QUICK)) {
            Thread.sleep(500);
            Recording recording = microphone.startRecording(delivered::add);
            Thread.sleep(300);
            clip = recording.stop();
        }

        float[] samples = clip.samples();
        assertThat(clip.sampleRate()).isEqualTo(16000);
        // 300 ms pre-roll up to the last idle read, what the line held since (up to 150 ms), ~300 ms live
        assertThat(clip.durationSeconds()).isBetween(0.55, 0.9);
        for (int i = 1; i < samples.length; i++) {
            assertThat(samples[i] - samples[i - 1]).as("step at sample %d", i).isEqualTo(1 / 65536f);
        }
        assertThat(concat(delivered)).as("what the consumer got is the clip").isEqualTo(samples);
        assertThat(delivered.subList(1, delivered.size()))
                .allSatisfy(block -> assertThat(block).hasSize(Microphone.BLOCK_SAMPLES));
        assertThat(delivered.stream().limit(12).mapToInt(block -> block.length).sum()).isEqualTo(4800);
    }

    /**
     * Between recordings only the pre-roll and the level need the audio, so the device is read every
     * 150 ms (an idle window's microphone thread woke 100 times a second); a recording switches back at
     * once. Bounds far from both rates: 6.7 and (with audio always there, as here) ~75 a second.
     */
    @Test
    void theDeviceIsReadLessOftenWhileNothingRecords() throws Exception {
        FakeCaptureDevice device = FakeCaptureDevice.counting();
        try (Microphone microphone = Microphone.open(device, Duration.ofMillis(300), MicrophoneListener.NONE, QUICK)) {
            Thread.sleep(200);
            int before = device.reads.get();
            Thread.sleep(1000);
            int idle = device.reads.get() - before;

            Recording recording = microphone.startRecording(block -> { });
            before = device.reads.get();
            Thread.sleep(1000);
            int recordingReads = device.reads.get() - before;
            recording.stop();

            assertThat(idle).as("reads in an idle second").isBetween(3, 10);
            assertThat(recordingReads).as("reads in a recording's second").isGreaterThan(45);
        }
    }

    /**
     * The idle capture thread (level meter and pre-roll only) fills arrays it keeps instead of making
     * new ones: an idle window reads its microphone all day. A second of 16 kHz audio copied once is
     * 64 KB; what is left (the meter's 20 readings) is a few hundred bytes. That a recording still gets
     * blocks of its own, not the one the thread refills, is what the pre-roll continuity tests check.
     */
    @Test
    void anIdleMicrophoneMakesNoGarbage() throws Exception {
        FakeCaptureDevice device = FakeCaptureDevice.counting();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Microphone microphone = Microphone.open(device, Duration.ofMillis(300), MicrophoneListener.NONE, QUICK)) {
            Thread.sleep(500); // past the first reads and their one-off allocations
            long[] capture = captureThreadIds();
            long before = allocated(threads, capture);
            Thread.sleep(1000);
            long idle = allocated(threads, capture) - before;

            assertThat(idle).as("bytes the capture thread allocated in an idle second").isLessThan(8_000);
        }
    }

    private static long[] captureThreadIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("parley-microphone"))
                .mapToLong(Thread::threadId).toArray();
    }

    private static long allocated(com.sun.management.ThreadMXBean threads, long[] ids) {
        return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(bytes -> bytes > 0).sum();
    }

    @Test
    void aRecordingStartedRightAfterOpeningHasWhatever_preRollThereIs() {
        try (Microphone microphone = Microphone.open(FakeCaptureDevice.counting(), Duration.ofMillis(300),
                MicrophoneListener.NONE, QUICK)) {
            AudioClip clip = microphone.startRecording(block -> { }).stop();

            assertThat(clip.durationSeconds()).isLessThan(0.3);
        }
    }

    @Test
    void nothingIsDeliveredAfterStopReturnsAndStopCanBeRepeated() throws Exception {
        AtomicInteger blocks = new AtomicInteger();
        try (Microphone microphone = Microphone.open(FakeCaptureDevice.counting(), Duration.ZERO,
                MicrophoneListener.NONE, QUICK)) {
            Recording recording = microphone.startRecording(block -> blocks.incrementAndGet());
            Thread.sleep(200);
            AudioClip first = recording.stop();
            int atStop = blocks.get();
            Thread.sleep(200);

            assertThat(blocks.get()).isEqualTo(atStop).isEqualTo(first.samples().length / Microphone.BLOCK_SAMPLES);
            assertThat(recording.stop().samples()).isEqualTo(first.samples());
            assertThat(recording.isStopped()).isTrue();
        }
    }

    @Test
    void aConsumerMayStopItsOwnRecording() throws Exception {
        AtomicReference<Recording> self = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        try (Microphone microphone = Microphone.open(FakeCaptureDevice.counting(), Duration.ZERO,
                MicrophoneListener.NONE, QUICK)) {
            CountDownLatch started = new CountDownLatch(1);
            self.set(microphone.startRecording(block -> {
                awaitQuietly(started);
                self.get().stop(); // as an end-pointer does when the speaker pauses
                stopped.countDown();
            }));
            started.countDown();

            assertThat(stopped.await(2, TimeUnit.SECONDS)).as("stop() from the consumer returned").isTrue();
        }
    }

    @Test
    void recordingsRunSideBySideEachWithItsOwnAudio() throws Exception {
        try (Microphone microphone = Microphone.open(FakeCaptureDevice.counting(), Duration.ofMillis(100),
                MicrophoneListener.NONE, QUICK)) {
            Thread.sleep(200);
            Recording watcher = microphone.startRecording(block -> block[0] = 99); // consumers own their blocks
            Thread.sleep(200);
            Recording utterance = microphone.startRecording(block -> { });
            Thread.sleep(200);
            AudioClip inner = utterance.stop();
            AudioClip outer = watcher.stop();

            assertThat(outer.durationSeconds()).isGreaterThan(inner.durationSeconds() + 0.15);
            assertThat(inner.samples()).doesNotContain(99f);
        }
    }

    @Test
    void aFailingConsumerDoesNotStopCaptureOrTheRecording() throws Exception {
        List<Double> levels = new CopyOnWriteArrayList<>();
        try (Microphone microphone = Microphone.open(FakeCaptureDevice.counting(), Duration.ZERO, levels::add, QUICK)) {
            Recording recording = microphone.startRecording(block -> {
                throw new IllegalStateException("consumer bug");
            });
            Thread.sleep(300);
            int before = levels.size();
            Thread.sleep(200);

            assertThat(levels.size()).isGreaterThan(before);
            assertThat(recording.stop().durationSeconds()).isGreaterThan(0.4);
        }
    }

    @Test
    void resamplesADeviceThatOnlyRunsAt48kHz() throws Exception {
        FakeCaptureDevice device = new FakeCaptureDevice(48000, n -> (float) (0.5 * Math.sin(2 * Math.PI * 1000 * n / 48000)));
        AudioClip clip;
        try (Microphone microphone = Microphone.open(device, Duration.ZERO, MicrophoneListener.NONE, QUICK)) {
            Recording recording = microphone.startRecording(block -> { });
            Thread.sleep(600);
            clip = recording.stop();
        }

        assertThat(clip.sampleRate()).isEqualTo(16000);
        assertThat(Signals.zeroCrossingFrequency(clip)).isCloseTo(1000, within(1.0));
        assertThat(Signals.amplitudeAt(clip, 1000)).isCloseTo(0.5, within(0.01));
    }

    @Test
    @Tag("slow")
    void resamplingA48kHzDeviceCostsUnderTenPercentOfACore() throws Exception {
        FakeCaptureDevice device = new FakeCaptureDevice(48000, n -> (float) Math.sin(n * 0.01));
        try (Microphone microphone = Microphone.open(device, Duration.ofMillis(300), MicrophoneListener.NONE, QUICK)) {
            Recording recording = microphone.startRecording(block -> { });
            Thread.sleep(500); // JIT warm-up
            double share = CaptureCost.cpuShareOfCaptureThread(java.time.Duration.ofSeconds(2));
            recording.stop();

            System.out.printf("capture thread CPU, 48 kHz device resampled to 16 kHz: %.2f %% of a core%n", 100 * share);
            assertThat(share).isLessThan(0.10); // ~2 % measured on the 2-core box; slack for load
        }
    }

    @Test
    void levelsComeTwentyTimesASecondInDbfs() throws Exception {
        FakeCaptureDevice device = new FakeCaptureDevice(16000, n -> n % 2 == 0 ? 0.5f : -0.5f); // square: -6 dBFS
        List<Double> levels = new CopyOnWriteArrayList<>();
        try (Microphone microphone = Microphone.open(device, Duration.ZERO, levels::add, QUICK)) {
            Thread.sleep(1000);
        }

        assertThat(levels).hasSizeBetween(15, 21); // idle, up to the last 150 ms are still unread at close
        assertThat(levels).allSatisfy(level -> assertThat(level).isCloseTo(-6.02, within(0.01)));
    }

    @Test
    void aStalledDeviceIsReportedReopenedAndRestored() throws Exception {
        FakeCaptureDevice device = FakeCaptureDevice.counting();
        Events events = new Events();
        try (Microphone microphone = Microphone.open(device, Duration.ZERO, events, QUICK)) {
            Thread.sleep(300);
            device.stalled = true;
            assertThat(events.lost.await(2, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            device.stalled = false;
            assertThat(events.restored.await(2, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(device.opened.get()).as("reopened after the stall").isGreaterThanOrEqualTo(2);
        assertThat(events.problems).hasSize(1);
        assertThat(events.problems.get(0)).hasMessageContaining("The fake microphone delivered no audio for")
                .hasMessageContaining("keeps trying to reopen it");
    }

    @Test
    void aDeviceThatFailsAndCannotBeReopenedForAWhileIsRetriedUntilItWorks() throws Exception {
        FakeCaptureDevice device = FakeCaptureDevice.counting();
        Events events = new Events();
        try (Microphone microphone = Microphone.open(device, Duration.ZERO, events, QUICK)) {
            Thread.sleep(200);
            device.failNextOpens(new AudioDeviceException("No audio input device matches 'usb'."),
                    new AudioDeviceException("No audio input device matches 'usb'."),
                    new AudioDeviceException("The microphone 'usb' could not be opened: busy."));
            device.readFailure = new AudioDeviceException("The fake microphone stopped delivering audio.");
            // Until a read has failed, not for a fixed time: an idle microphone reads only every 150 ms.
            assertThat(events.lost.await(2, TimeUnit.SECONDS)).isTrue();
            device.readFailure = null; // the reopenings fail first (retried after 20, 40, 80 ms)

            assertThat(events.restored.await(3, TimeUnit.SECONDS)).isTrue();
        }

        // Each new reason is reported once: the read failure, the missing device, the busy device.
        assertThat(events.problems).extracting(Throwable::getMessage).containsExactly(
                "The fake microphone stopped delivering audio.",
                "No audio input device matches 'usb'.",
                "The microphone 'usb' could not be opened: busy.");
    }

    @Test
    void aDeviceThatCannotBeOpenedAtFirstIsAnError() {
        FakeCaptureDevice device = FakeCaptureDevice.counting();
        device.failNextOpens(new AudioDeviceException("No audio input device found."));

        assertThatThrownBy(() -> Microphone.open(device, Duration.ZERO, MicrophoneListener.NONE, QUICK))
                .isInstanceOf(AudioDeviceException.class).hasMessage("No audio input device found.");
    }

    @Test
    void closeStopsRecordingsAndRefusesNewOnesPromptly() throws Exception {
        FakeCaptureDevice device = FakeCaptureDevice.counting();
        Microphone microphone = Microphone.open(device, Duration.ZERO, MicrophoneListener.NONE, QUICK);
        Recording recording = microphone.startRecording(block -> { });
        device.stalled = true; // closing must not wait for a device that hangs
        Thread.sleep(300);

        long start = System.nanoTime();
        microphone.close();

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(0.5);
        assertThat(recording.isStopped()).isTrue();
        assertThatThrownBy(() -> microphone.startRecording(block -> { })).isInstanceOf(IllegalStateException.class);
    }

    private static final class Events implements MicrophoneListener {
        final List<AudioDeviceException> problems = new CopyOnWriteArrayList<>();
        final CountDownLatch lost = new CountDownLatch(1);
        final CountDownLatch restored = new CountDownLatch(1);

        @Override
        public void level(double dbfs) {
        }

        @Override
        public void deviceLost(AudioDeviceException problem) {
            problems.add(problem);
            lost.countDown();
        }

        @Override
        public void deviceRestored() {
            restored.countDown();
        }
    }

    private static float[] concat(List<float[]> blocks) {
        return AudioClip.concat(blocks.stream().map(block -> new AudioClip(block, 16000)).toList(), 16000).samples();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
