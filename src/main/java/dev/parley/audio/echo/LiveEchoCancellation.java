package dev.parley.audio.echo;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * An {@link EchoCanceller} between two live threads: the playback thread reports what was played
 * ({@link #played}), the capture thread hands in what the microphone heard ({@link #captured}) and
 * gets it back with the echo removed. Every call into the canceller happens on the capture thread,
 * 10 ms of played audio per 10 ms captured, so the two streams advance at the same rate; the
 * canceller finds the delay between them (the sound server's and the room's) itself.
 *
 * <p>The reference must come before its echo (a canceller cannot remove what it has not been told
 * yet), and the pairing must not slip: a canceller that has found the delay loses it (and lets the
 * echo through for a second or two) whenever played audio is paired later than before. On the
 * null-sink loopback, audio written to the line reached the microphone only 3-20 ms after it was
 * reported here, so captured frames always pass through a {@link #NEAR_DELAY_FRAMES} delay line, a
 * margin that keeps the reference ahead. Both sides arrive in bursts (the writer waits for room in the
 * line, the microphone delivers ~50 ms at a time), so while audio is playing and the next played frame
 * has not been reported yet, captured frames wait for it (at most {@link #MAX_HOLD_FRAMES}) instead of
 * being paired with silence. When nothing plays, the far end is silence. Played audio that the
 * capture side has not caught up with waits in a queue bounded to {@link #MAX_BACKLOG_SAMPLES}; beyond
 * that the oldest is dropped, so a stalled microphone cannot make the reference lag for ever.
 *
 * <p>One stream of played audio at a time: two playbacks at once (an earcon over an answer) would
 * interleave their blocks here; they would have to be mixed first.
 */
public final class LiveEchoCancellation implements EchoReference, AutoCloseable {

    /**
     * Half a second: several times a sound server's latency plus a capture burst (~50 ms), and still
     * within the delays the canceller's estimator covers.
     */
    static final int MAX_BACKLOG_SAMPLES = EchoCanceller.SAMPLE_RATE / 2;

    /** 20 ms more delay between reference and echo: a margin at the cost of 20 ms on the microphone path. */
    static final int NEAR_DELAY_FRAMES = 2;
    /**
     * How long captured frames may wait for played audio (beyond the delay line): 400 ms. Pairing a
     * frame with silence instead shifts every later pair by that much, and the canceller loses the
     * delay it found; on a busy two-core machine the writer thread was held up for over 100 ms at
     * an answer's start (the synthesizer and the recognizer busy), and Parley's voice leaked.
     */
    static final int MAX_HOLD_FRAMES = NEAR_DELAY_FRAMES + 40;
    /**
     * Audio counts as playing while played audio was reported this recently: longer than a busy
     * machine holds up the writer thread (up to ~350 ms measured at load 5 on two cores).
     */
    static final long PLAYING_NANOS = 500_000_000L;
    /**
     * How long after played audio starts (a new answer's line) the canceller may still let it
     * through: on the null sink AEC3 re-found the delay within 0.3-1.7 s of a line start, leaking
     * Parley's voice at up to -12 dBFS meanwhile (docs/performance.md, Barge-in).
     */
    static final long SETTLING_NANOS = 2_000_000_000L;
    /**
     * Played audio after this long without any starts an answer's line: shorter gaps are the
     * synthesizer falling behind mid-answer, which must not take barge-in away again.
     */
    static final long NEW_LINE_GAP_NANOS = 1_000_000_000L;

    private static final int FRAME = EchoCanceller.FRAME_SAMPLES;

    /** Read by both threads; replaced only by the capture thread, from {@link #replacement}. */
    private volatile EchoCanceller canceller;
    /** A canceller handed in by {@link #replace}, taken up by the capture thread. */
    private final AtomicReference<EchoCanceller> replacement = new AtomicReference<>();
    private final Object farLock = new Object();
    /** Played audio not yet paired with captured audio; guarded by {@link #farLock}. */
    private final float[] farQueue = new float[MAX_BACKLOG_SAMPLES];
    private int farLength;
    /** When played audio was last reported; guarded by {@link #farLock}. */
    private long lastPlayedNanos;
    private boolean everPlayed;
    /**
     * A line started (played audio after none) and has played only silence so far: a line kept open
     * between answers starts silent, and the canceller has nothing to find the delay on until sound.
     */
    private boolean awaitingSound;
    private boolean everSounded;
    /** When the first sound of a started line was played: the canceller re-finds the delay from there. */
    private volatile long startedNanos;

    // Capture-thread state.
    private final float[] nearFrame = new float[FRAME];
    private int nearFill;
    /** Whole captured frames waiting for the played audio they pair with. */
    private final ArrayDeque<float[]> held = new ArrayDeque<>();
    private volatile boolean closed;
    private final EchoLeakMeter leakMeter = new EchoLeakMeter();

    private final LongSupplier nanoTime;
    /** Nothing to do: the microphone's samples go through untouched, without framing or delay. */
    private boolean passThrough;
    /** The delay line, only where there is an echo to keep the reference ahead of. */
    private int nearDelayFrames;

    public LiveEchoCancellation(EchoCanceller canceller) {
        this(canceller, System::nanoTime);
    }

    LiveEchoCancellation(EchoCanceller canceller, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        use(canceller);
    }

    private void use(EchoCanceller next) {
        canceller = next;
        passThrough = next instanceof PassThroughEchoCanceller;
        nearDelayFrames = next.cancelsEcho() ? NEAR_DELAY_FRAMES : 0;
    }

    /**
     * Switches to another canceller (hands-free turned on or off with {@code audio.echo-cancellation:
     * auto}, other options saved): the capture thread takes it up at its next block and closes the
     * current one. Frames waiting for played audio pass unprocessed; the new canceller adapts afresh.
     */
    public void replace(EchoCanceller next) {
        if (closed) {
            next.close();
            return;
        }
        EchoCanceller unused = replacement.getAndSet(next);
        if (unused != null) {
            unused.close();
        }
    }

    /** Capture thread: takes up a replacement; returns what was waiting, unprocessed. */
    private float[] takeReplacement() {
        EchoCanceller next = replacement.getAndSet(null);
        if (next == null) {
            return new float[0];
        }
        float[] waiting = new float[held.size() * FRAME + nearFill];
        int at = 0;
        for (float[] frame : held) {
            System.arraycopy(frame, 0, waiting, at, FRAME);
            at += FRAME;
        }
        System.arraycopy(nearFrame, 0, waiting, at, nearFill);
        held.clear();
        nearFill = 0;
        synchronized (farLock) {
            farLength = 0;
        }
        EchoCanceller previous = canceller;
        use(next);
        previous.close();
        return waiting;
    }

    /** Leaves the microphone signal unchanged and ignores what is played. */
    public static LiveEchoCancellation off() {
        return new LiveEchoCancellation(new PassThroughEchoCanceller());
    }

    /** Whether Parley's own voice is removed from the microphone, so it may listen while it speaks. */
    public boolean cancelsEcho() {
        return canceller.cancelsEcho() && !closed;
    }

    /**
     * Whether what the microphone hears now may still carry Parley's own voice: the first sound of a
     * line started (played audio after none, {@link #NEW_LINE_GAP_NANOS}) was played less than
     * {@link #SETTLING_NANOS} ago, while the canceller may not have found the delay yet. On a line kept
     * open between answers that is the first answer only. A
     * barge-in is not decided on such audio ({@code BargeInWatcher.hear(block, ownVoice)}).
     */
    public boolean leaksOwnVoice() {
        if (!cancelsEcho()) {
            return false;
        }
        synchronized (farLock) {
            return everSounded && nanoTime.getAsLong() - startedNanos < SETTLING_NANOS;
        }
    }

    public String description() {
        return canceller.description();
    }

    @Override
    public void played(float[] samples) {
        if (!canceller.cancelsEcho() || closed) {
            return;
        }
        synchronized (farLock) {
            long now = nanoTime.getAsLong();
            if (!everPlayed || now - lastPlayedNanos >= NEW_LINE_GAP_NANOS) {
                awaitingSound = true;
            }
            if (awaitingSound && audible(samples)) {
                awaitingSound = false;
                everSounded = true;
                startedNanos = now;
            }
            lastPlayedNanos = now;
            everPlayed = true;
            int overflow = farLength + samples.length - MAX_BACKLOG_SAMPLES;
            if (overflow > 0) {
                int drop = Math.min(overflow, farLength);
                System.arraycopy(farQueue, drop, farQueue, 0, farLength - drop);
                farLength -= drop;
            }
            int from = Math.max(0, samples.length - MAX_BACKLOG_SAMPLES);
            System.arraycopy(samples, from, farQueue, farLength, samples.length - from);
            farLength += samples.length - from;
        }
    }

    /** The delay changed: no barge-in is decided until the canceller had time to find it again. */
    @Override
    public void ranDry() {
        synchronized (farLock) {
            awaitingSound = true;
        }
    }

    /**
     * Whether {@link #captured} would return its samples untouched now: no canceller works and none
     * waits to take over (one that arrives later is taken up at the next call). Capture thread only.
     */
    public boolean passesThrough() {
        return closed || (passThrough && replacement.get() == null);
    }

    /**
     * The microphone's samples with the echo removed. Works in 10 ms frames behind a 20 ms delay line,
     * so it returns the whole frames it could pair with played audio: the rest waits for the next call
     * (20-30 ms; up to {@link #MAX_HOLD_FRAMES} frames while played audio is late), so the length
     * returned varies around the length given. Capture thread only.
     */
    public float[] captured(float[] samples) {
        if (passesThrough()) {
            return samples;
        }
        if (replacement.get() != null) {
            float[] waiting = takeReplacement();
            if (waiting.length > 0) {
                float[] rest = captured(samples);
                float[] both = Arrays.copyOf(waiting, waiting.length + rest.length);
                System.arraycopy(rest, 0, both, waiting.length, rest.length);
                return both;
            }
        }
        if (passThrough) {
            return samples;
        }
        for (int at = 0; at < samples.length; ) {
            int count = Math.min(FRAME - nearFill, samples.length - at);
            System.arraycopy(samples, at, nearFrame, nearFill, count);
            nearFill += count;
            at += count;
            if (nearFill == FRAME) {
                nearFill = 0;
                held.add(nearFrame.clone());
            }
        }
        float[] out = new float[held.size() * FRAME];
        int produced = 0;
        float[] far;
        while (held.size() > nearDelayFrames && (far = nextFarFrame(held.size())) != null) {
            float[] near = held.poll();
            float[] cleaned = canceller.process(far, near);
            leakMeter.frame(far, near, cleaned, canceller);
            System.arraycopy(cleaned, 0, out, produced, FRAME);
            produced += FRAME;
        }
        return produced == out.length ? out : Arrays.copyOf(out, produced);
    }

    /**
     * The next 10 ms of played audio; silence-padded when less was played; null when it should be
     * waited for (audio is playing, and fewer than {@link #MAX_HOLD_FRAMES} frames are waiting).
     */
    private float[] nextFarFrame(int waiting) {
        float[] frame = new float[FRAME];
        synchronized (farLock) {
            if (farLength < FRAME && waiting <= MAX_HOLD_FRAMES && everPlayed
                    && nanoTime.getAsLong() - lastPlayedNanos < PLAYING_NANOS) {
                return null;
            }
            int take = Math.min(FRAME, farLength);
            System.arraycopy(farQueue, 0, frame, 0, take);
            System.arraycopy(farQueue, take, farQueue, 0, farLength - take);
            farLength -= take;
        }
        return frame;
    }

    /** Above -80 dBFS anywhere: more than the silence a line is fed between answers. */
    private static boolean audible(float[] samples) {
        for (float sample : samples) {
            if (Math.abs(sample) > 1e-4f) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        EchoCanceller pending = replacement.getAndSet(null);
        if (pending != null) {
            pending.close();
        }
        canceller.close();
    }
}
