package dev.parley.audio;

import dev.parley.audio.echo.LiveEchoCancellation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The microphone, captured continuously from {@link #open} to {@link #close} on its own thread: always
 * measuring the level and keeping a pre-roll, and handing 16 kHz mono blocks to any {@link Recording}
 * started with {@link #startRecording}. Several recordings may run at once (hands-free mode watches for
 * speech with one and records the utterance with another). Thread-safe.
 *
 * <p>A device that fails or stops delivering audio (unplugged, suspended, taken by the system) is
 * reported to the {@link MicrophoneListener} and reopened with growing pauses until it delivers again;
 * the microphone never dies silently. The line is read only as far as it already holds audio, so the
 * capture thread never blocks inside the device and always notices a stall.
 *
 * <p>With echo cancellation, everything downstream (level, pre-roll, recordings, hence the endpointer
 * and the recognizer) sees the microphone with Parley's own voice removed.
 */
public final class Microphone implements AutoCloseable {

    /** The rate of every block and clip the microphone hands out: what the recognizer wants. */
    public static final int SAMPLE_RATE = 16_000;
    /** 25 ms per block: short enough for prompt barge-in, long enough that per-block work is negligible. */
    public static final int BLOCK_SAMPLES = SAMPLE_RATE / 40;
    /** One level reading per 50 ms: 20 a second. */
    private static final int LEVEL_WINDOW_SAMPLES = SAMPLE_RATE / 20;
    /** Well under the ~50 ms in which the line fills, so reading never lags. */
    private static final long POLL_NANOS = 10_000_000L;
    /**
     * While nothing records (an idle window between push-to-talk presses), the device is read every
     * 150 ms, after audio too: only the pre-roll and the level meter need it then, not promptly. The
     * line holds 200 ms (JavaSoundInput). Through PulseAudio a later read loses nothing: the stream
     * queues what the line cannot hold and the next reads drain it (a 10 s test reading 400 ms apart,
     * then every 10 ms, got 10.4 s of audio); elsewhere a read more than 50 ms late leaves a gap in the
     * pre-roll. Each read costs the sound server's client library a wake-up too: an idle window's
     * capture thread woke 100 times a second once, 12.5 at 80 ms, 6.7 now (docs/performance.md, "The
     * idle window with its microphone under 1 %"). A new recording wakes the thread at once and
     * switches back to {@link #POLL_NANOS}.
     */
    private static final long IDLE_POLL_NANOS = 150_000_000L;

    private static final Logger LOG = LogManager.getLogger(Microphone.class);

    /**
     * How patient the microphone is with its device. A device delivers nothing for a while after it
     * opens (PulseAudio: 0.4 to 2 s), hence the grace period before a silent device counts as stalled.
     */
    record Patience(Duration stall, Duration startGrace, Duration firstRetry, Duration maxRetry) {
        static final Patience DEFAULT = new Patience(Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofMillis(250), Duration.ofSeconds(4));
    }

    private final CaptureDevice device;
    private final MicrophoneListener listener;
    private final Patience patience;
    private final LiveEchoCancellation echo;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}, like the recordings: a new recording's pre-roll and its first live block must meet exactly. */
    private final PreRoll preRoll;
    private final List<Recording> recordings = new ArrayList<>();
    private final LevelMeter meter = new LevelMeter(LEVEL_WINDOW_SAMPLES);
    private final Thread capture;
    private volatile boolean closed;
    /** Whether a recording runs: then the capture thread polls every {@link #POLL_NANOS}. */
    private volatile boolean recordingRuns;

    // Capture-thread state.
    private CaptureLine line;
    /** What the line read last, reused from read to read. */
    private float[] captured;
    /** Null where the line delivers {@link #SAMPLE_RATE} already (as PulseAudio's always does). */
    private StreamingResampler resampler;
    /** The block being filled; handed on as a copy only to recordings, which keep it. */
    private final float[] block = new float[BLOCK_SAMPLES];
    private int blockFill;

    private Microphone(CaptureDevice device, Duration preRoll, MicrophoneListener listener, Patience patience,
            LiveEchoCancellation echo, CaptureLine firstLine) {
        this.device = device;
        this.listener = listener;
        this.patience = patience;
        this.echo = echo;
        this.preRoll = new PreRoll((int) (preRoll.toMillis() * SAMPLE_RATE / 1000));
        use(firstLine);
        this.capture = Thread.ofPlatform().name("parley-microphone").daemon().priority(Thread.MAX_PRIORITY)
                .start(this::run);
    }

    /** Names of the devices that can record, in Java Sound's order; any part of one selects it. */
    public static List<String> inputDeviceNames() {
        return AudioDevices.INPUT.names();
    }

    /**
     * Does now what the first {@link #open} does before it opens anything: Java Sound loads its
     * providers and lists the devices (ALSA reads its configuration; ~40 ms on a two-core machine).
     * For start-up, where the speech model usually loads before the voice: the microphone's first open,
     * which Ready waits for, then only opens. Opens no device and never throws: {@link #open} tells what
     * is wrong.
     */
    public static void prepare() {
        try {
            AudioDevices.INPUT.list();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Listing the sound devices ahead of the microphone failed: {}", e.toString());
        }
    }

    /**
     * Opens an input device and starts capturing from it.
     *
     * @param deviceNameOrNullForDefault part of a name from {@link #inputDeviceNames()} (case-insensitive),
     *     or null or blank for the system default
     * @param preRoll how much audio from before {@link #startRecording} each recording begins with
     * @throws AudioDeviceException if there is no input device, none matches the name, or it cannot be
     *     opened now; the message says what to do and lists the devices
     */
    public static Microphone open(String deviceNameOrNullForDefault, Duration preRoll, MicrophoneListener listener)
            throws AudioDeviceException {
        return open(deviceNameOrNullForDefault, preRoll, listener, LiveEchoCancellation.off());
    }

    /**
     * {@link #open(String, Duration, MicrophoneListener)} with echo cancellation: every block (and the
     * level, the pre-roll and each recording) is the captured signal after {@code echo}, which removes
     * what the {@link Speaker} sharing it played. The microphone does not close {@code echo}.
     */
    public static Microphone open(String deviceNameOrNullForDefault, Duration preRoll, MicrophoneListener listener,
            LiveEchoCancellation echo) throws AudioDeviceException {
        String wanted = deviceNameOrNullForDefault == null || deviceNameOrNullForDefault.isBlank()
                ? null : deviceNameOrNullForDefault.strip();
        return open(new JavaSoundInput(wanted), preRoll, listener, Patience.DEFAULT, echo);
    }

    static Microphone open(CaptureDevice device, Duration preRoll, MicrophoneListener listener, Patience patience)
            throws AudioDeviceException {
        return open(device, preRoll, listener, patience, LiveEchoCancellation.off());
    }

    static Microphone open(CaptureDevice device, Duration preRoll, MicrophoneListener listener, Patience patience,
            LiveEchoCancellation echo) throws AudioDeviceException {
        Objects.requireNonNull(listener, "listener; use MicrophoneListener.NONE");
        return new Microphone(device, preRoll, listener, patience, echo, device.open());
    }

    /**
     * Starts a recording: {@code blocks} receives the pre-roll, then every {@link #BLOCK_SAMPLES}-sample
     * block as it is captured, on the recording's own thread, until {@link Recording#stop}. Each block
     * is the consumer's own copy, to keep or change. The pre-roll arrives as blocks of the same size (the first may be shorter).
     *
     * @throws IllegalStateException if the microphone is closed
     */
    public Recording startRecording(Consumer<float[]> blocks) {
        return start(new Recording(blocks, this::detach, true));
    }

    /**
     * As {@link #startRecording}, but the audio is only handed on, not kept: {@link Recording#stop}
     * returns an empty clip. For listening that may wait for speech for hours (hands-free).
     *
     * @throws IllegalStateException if the microphone is closed
     */
    public Recording startListening(Consumer<float[]> blocks) {
        return start(new Recording(blocks, this::detach, false));
    }

    private Recording start(Recording recording) {
        synchronized (lock) {
            if (closed) {
                recording.stop();
                throw new IllegalStateException("the microphone is closed");
            }
            float[] past = preRoll.snapshot();
            // The first piece is the odd-sized one, so the live blocks that follow keep their grid.
            for (int at = 0, size = past.length % BLOCK_SAMPLES; at < past.length; at += size, size = BLOCK_SAMPLES) {
                if (size > 0) {
                    recording.offer(Arrays.copyOfRange(past, at, at + size));
                }
            }
            recordings.add(recording);
            recordingRuns = true;
        }
        LockSupport.unpark(capture); // from the idle poll to the recording's
        return recording;
    }

    private void detach(Recording recording) {
        synchronized (lock) {
            recordings.remove(recording);
            recordingRuns = !recordings.isEmpty();
        }
    }

    /** The device as chosen ("the default microphone", "the microphone 'USB'"), for messages. */
    public String deviceName() {
        return device.description();
    }

    /** Stops capturing, closes the device and stops every recording still running. */
    @Override
    public void close() {
        List<Recording> running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            running = List.copyOf(recordings);
        }
        running.forEach(Recording::stop);
        LockSupport.unpark(capture);
        try {
            capture.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void use(CaptureLine opened) {
        line = opened;
        captured = new float[opened.capacity()];
        resampler = opened.sampleRate() == SAMPLE_RATE ? null : new StreamingResampler(opened.sampleRate(), SAMPLE_RATE);
        LOG.info("{} is open at {} Hz", device.subject(), opened.sampleRate());
    }

    private void run() {
        long openedAt = System.nanoTime();
        long lastAudio = openedAt;
        String lostBecause = null;
        long retryNanos = patience.firstRetry().toNanos();
        while (!closed) {
            try {
                if (line == null) {
                    use(device.open());
                    openedAt = lastAudio = System.nanoTime();
                }
                int count = line.readAvailable(captured);
                long now = System.nanoTime();
                if (count > 0) {
                    lastAudio = now;
                    if (lostBecause != null) {
                        lostBecause = null;
                        retryNanos = patience.firstRetry().toNanos();
                        LOG.info("{} delivers audio again", device.subject());
                        listener.deviceRestored();
                    }
                    handOn(count);
                } else if (now - lastAudio > patience.stall().toNanos()
                        && now - openedAt > patience.startGrace().toNanos()) {
                    throw new AudioDeviceException(device.subject() + " delivered no audio for "
                            + patience.stall().toMillis() + " ms. It may have been unplugged, muted or suspended;"
                            + " Parley keeps trying to reopen it. Check it, or choose another input device: "
                            + AudioDevices.INPUT.available());
                }
                if (!recordingRuns) {
                    LockSupport.parkNanos(IDLE_POLL_NANOS);
                } else if (count == 0) {
                    LockSupport.parkNanos(POLL_NANOS);
                }
            } catch (RuntimeException e) {
                AudioDeviceException problem = e instanceof AudioDeviceException known ? known
                        : new AudioDeviceException(device.subject() + " failed: " + e, e);
                if (!problem.getMessage().equals(lostBecause)) {
                    lostBecause = problem.getMessage();
                    LOG.warn("Microphone lost: {}", lostBecause);
                    listener.deviceLost(problem);
                }
                closeLine();
                LockSupport.parkNanos(retryNanos); // close() unparks, and a new recording: a press tries the device at once
                retryNanos = Math.min(2 * retryNanos, patience.maxRetry().toNanos());
            }
        }
        closeLine();
    }

    /**
     * Hands on the first {@code count} samples of {@link #captured}, at 16 kHz and with the echo removed.
     * The usual case, a 16 kHz line without echo cancellation, copies no audio while no recording runs:
     * an idle window's capture thread made ~63 KB of garbage a second that way, all day, and with it
     * young collections and G1's concurrent cycles (docs/performance.md, "The idle window in a room
     * that is not silent; the capture thread's garbage").
     */
    private void handOn(int count) {
        if (resampler == null && echo.passesThrough()) {
            cut(captured, count);
            return;
        }
        float[] samples = Arrays.copyOf(captured, count);
        float[] cleaned = echo.captured(resampler == null ? samples : resampler.push(samples));
        cut(cleaned, cleaned.length);
    }

    /** Cuts 16 kHz audio into fixed blocks and publishes each one. */
    private void cut(float[] samples, int length) {
        for (int at = 0; at < length; ) {
            int count = Math.min(BLOCK_SAMPLES - blockFill, length - at);
            System.arraycopy(samples, at, block, blockFill, count);
            blockFill += count;
            at += count;
            if (blockFill == BLOCK_SAMPLES) {
                blockFill = 0;
                publishBlock();
            }
        }
    }

    private void publishBlock() {
        meter.add(block).ifPresent(listener::level);
        synchronized (lock) {
            preRoll.add(block);
            if (!recordings.isEmpty()) {
                float[] kept = block.clone(); // the recordings keep it; the block is filled again
                for (Recording recording : recordings) {
                    recording.offer(kept);
                }
            }
        }
    }

    private void closeLine() {
        if (line != null) {
            line.close();
            line = null;
        }
    }
}
