package dev.parley.audio.echo;

/**
 * An {@link EchoCanceller} between two live threads: the playback thread reports what was played
 * ({@link #played}), the capture thread hands in what the microphone heard ({@link #captured}) and
 * gets it back with the echo removed. Every call into the canceller happens on the capture thread,
 * 10 ms of played audio per 10 ms captured, so the two streams advance at the same rate; the
 * canceller finds the delay between them (the sound server's and the room's) itself.
 *
 * <p>When nothing plays, the far end is silence. Played audio that the capture side has not caught up
 * with waits in a queue bounded to {@link #MAX_BACKLOG_SAMPLES}; beyond that the oldest is dropped,
 * so a stalled microphone cannot make the reference lag for ever (the canceller re-estimates the
 * delay after such a jump).
 */
public final class LiveEchoCancellation implements EchoReference, AutoCloseable {

    /**
     * Half a second: several times a sound server's latency plus a capture burst (~50 ms), and still
     * within the delays the canceller's estimator covers.
     */
    static final int MAX_BACKLOG_SAMPLES = EchoCanceller.SAMPLE_RATE / 2;

    private static final int FRAME = EchoCanceller.FRAME_SAMPLES;

    private final EchoCanceller canceller;
    private final Object farLock = new Object();
    /** Played audio not yet paired with captured audio; guarded by {@link #farLock}. */
    private final float[] farQueue = new float[MAX_BACKLOG_SAMPLES];
    private int farLength;

    // Capture-thread state.
    private final float[] nearFrame = new float[FRAME];
    private int nearFill;
    private volatile boolean closed;

    public LiveEchoCancellation(EchoCanceller canceller) {
        this.canceller = canceller;
    }

    /** Leaves the microphone signal unchanged and ignores what is played. */
    public static LiveEchoCancellation off() {
        return new LiveEchoCancellation(new PassThroughEchoCanceller());
    }

    /** Whether Parley's own voice is removed from the microphone, so it may listen while it speaks. */
    public boolean cancelsEcho() {
        return canceller.cancelsEcho() && !closed;
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

    /**
     * The microphone's samples with the echo removed. Works in 10 ms frames, so it returns what whole
     * frames it could complete: up to 9.9 ms of the input waits for the next call (on average the
     * path is 5 ms later, and the length returned varies around the length given). Capture thread only.
     */
    public float[] captured(float[] samples) {
        if (closed) {
            return samples;
        }
        int frames = (nearFill + samples.length) / FRAME;
        float[] out = new float[frames * FRAME];
        int produced = 0;
        for (int at = 0; at < samples.length; ) {
            int count = Math.min(FRAME - nearFill, samples.length - at);
            System.arraycopy(samples, at, nearFrame, nearFill, count);
            nearFill += count;
            at += count;
            if (nearFill == FRAME) {
                nearFill = 0;
                System.arraycopy(canceller.process(nextFarFrame(), nearFrame), 0, out, produced, FRAME);
                produced += FRAME;
            }
        }
        return out;
    }

    /** The next 10 ms of played audio, padded with silence when less has been played. */
    private float[] nextFarFrame() {
        float[] frame = new float[FRAME];
        synchronized (farLock) {
            int take = Math.min(FRAME, farLength);
            System.arraycopy(farQueue, 0, frame, 0, take);
            System.arraycopy(farQueue, take, farQueue, 0, farLength - take);
            farLength -= take;
        }
        return frame;
    }

    @Override
    public void close() {
        closed = true;
        canceller.close();
    }
}
