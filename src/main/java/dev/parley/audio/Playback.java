package dev.parley.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import javax.sound.sampled.AudioFormat;

/**
 * A speech queue: clips are played back to back in the order they are queued, while more are still
 * being synthesized, and how far playback got is known to the sample, so the caller knows what the
 * listener actually heard. {@link #stop()} silences it at once (barge-in).
 *
 * <p>A {@link LineFeeder} plays it, on a line of its own ({@link Speaker#open}) or on the line a
 * {@link KeptOutputLine} keeps open between answers; the feeder's writer thread takes the audio from
 * here block by block ({@link #fill}) and tells how far the line got ({@link #update}).
 */
public final class Playback {

    /** Told what the writer thread did; called on that thread, so keep it short. */
    public interface Listener {
        /** The first sample of the first clip went to the device ({@link System#nanoTime()}). */
        default void started(long nanoTime) {
        }

        /** Clip {@code index} (0-based, in queue order) has been played to its end. */
        default void clipPlayed(int index) {
        }
    }

    /**
     * How far playback got: {@code clip} is the index of the clip playing (the number of clips if all
     * were played), {@code fraction} how much of it was heard (0..1).
     */
    public record Position(int clip, double fraction) {}

    /**
     * Silence after the last clip before playback counts as done: the line reports frames played once
     * the sound server has taken them, which plays them up to its latency later, and closing the line
     * drops what it still holds.
     */
    private static final double TAIL_SECONDS = 0.15;
    /**
     * How much audio may wait to be played before {@link #awaitRoom()} holds the synthesizer back:
     * ample to bridge a slow sentence, while a long text's whole speech (synthesized several times
     * faster than it plays, at 4 bytes a sample) would otherwise pile up here, 1 MB for each second.
     */
    static final double AHEAD_SECONDS = 20;

    private final Listener listener;
    private final AudioFormat format;
    private final LineFeeder feeder;
    private final LinkedBlockingQueue<AudioClip> queue = new LinkedBlockingQueue<>();
    /** Line frames [start, end) of each clip handed to the line so far, in queue order. */
    private final List<long[]> clipSpans = new ArrayList<>();
    private final CompletableFuture<Boolean> done = new CompletableFuture<>();
    /** The monitor {@link #awaitRoom()} waits on; guards {@link #queuedSeconds}. */
    private final Object room = new Object();
    private double queuedSeconds;
    private volatile boolean inputEnded;
    private volatile boolean stopped;
    /** The line position when it stopped or ended: what was heard stays fixed from then on. */
    private volatile long finalPosition = -1;

    // Writer-thread state.
    private byte[] pending;
    private int pendingAt;
    private boolean pendingIsSpeech;
    private boolean started;
    /** Line frame at which everything handed out ends, tail included; -1 until the tail was handed out. */
    private long endFrame = -1;
    private int clipsReported;

    Playback(Listener listener, AudioFormat format, LineFeeder feeder) {
        this.listener = listener;
        this.format = format;
        this.feeder = feeder;
    }

    /** Queues a clip to play after the ones already queued; ignored once stopped. */
    public void enqueue(AudioClip clip) {
        if (stopped) {
            return;
        }
        if (inputEnded) {
            throw new IllegalStateException("no clips may follow endOfInput()");
        }
        synchronized (room) {
            queuedSeconds += clip.durationSeconds();
        }
        queue.add(clip);
    }

    /**
     * Waits while more than {@link #AHEAD_SECONDS} of queued audio wait to be played; returns at once
     * once this playback is stopped or over, since nothing is taken from its queue then.
     */
    public void awaitRoom() throws InterruptedException {
        synchronized (room) {
            while (queuedSeconds > AHEAD_SECONDS && !stopped && !done.isDone()) {
                room.wait();
            }
        }
    }

    /** Tells {@link #awaitRoom()} that audio was taken, or that none will be. */
    private void roomMade(double seconds) {
        synchronized (room) {
            queuedSeconds = Math.max(0, queuedSeconds - seconds);
            room.notifyAll();
        }
    }

    /** No more clips will come: playback finishes once the queued ones have been heard. */
    public void endOfInput() {
        inputEnded = true;
    }

    /**
     * Completes with true once every clip was played, with false when stopped first, or exceptionally
     * with an {@link AudioDeviceException} when the device failed.
     */
    public CompletableFuture<Boolean> done() {
        return done;
    }

    /**
     * Silences the output at once, drops every clip not yet played, and returns where playback was
     * stopped. Returns the end position if it had already finished.
     */
    public Position stop() {
        synchronized (feeder.lineLock()) {
            if (stopped || done.isDone()) {
                return position();
            }
            finalPosition = feeder.position();
            stopped = true;
            queue.clear();
            feeder.silence();
        }
        roomMade(Double.MAX_VALUE);
        return position();
    }

    /** Where playback is now. */
    public Position position() {
        long played = finalPosition >= 0 ? finalPosition : feeder.position();
        List<long[]> spans;
        synchronized (clipSpans) {
            spans = List.copyOf(clipSpans);
        }
        for (int i = 0; i < spans.size(); i++) {
            long start = spans.get(i)[0];
            long end = spans.get(i)[1];
            if (played < end) {
                return new Position(i, Math.max(0, played - start) / (double) (end - start));
            }
        }
        return new Position(spans.size(), 0);
    }

    boolean stopped() {
        return stopped;
    }

    /**
     * Writer thread: copies up to {@code maxBytes} of what comes next into {@code block}, to be written
     * at line frame {@code atFrame}; returns how many bytes (whole frames), 0 when nothing is ready.
     */
    int fill(byte[] block, int maxBytes, long atFrame) {
        if (stopped) {
            return 0;
        }
        if (pending == null || pendingAt == pending.length) {
            if (!takeNext(atFrame)) {
                return 0;
            }
        }
        int length = Math.min(maxBytes, pending.length - pendingAt);
        System.arraycopy(pending, pendingAt, block, 0, length);
        pendingAt += length;
        if (pendingIsSpeech && !started) {
            started = true;
            listener.started(System.nanoTime());
        }
        return length;
    }

    /** The next clip, or the tail once input ended; false when there is nothing yet. */
    private boolean takeNext(long atFrame) {
        AudioClip clip = queue.poll();
        if (clip != null) {
            roomMade(clip.durationSeconds());
            pending = OutputLines.frames(clip, format);
            pendingAt = 0;
            pendingIsSpeech = true;
            synchronized (clipSpans) {
                clipSpans.add(new long[] {atFrame, atFrame + pending.length / format.getFrameSize()});
            }
            return true;
        }
        if (inputEnded && endFrame < 0 && queue.isEmpty()) {
            pending = OutputLines.frames(AudioClip.silence(TAIL_SECONDS, (int) format.getSampleRate()), format);
            pendingAt = 0;
            pendingIsSpeech = false;
            endFrame = atFrame + pending.length / format.getFrameSize();
            return true;
        }
        return false;
    }

    /**
     * Writer thread: the line has played up to frame {@code played}; reports the clips heard and says
     * whether this playback is over (stopped, or everything played to the end of its tail).
     */
    boolean update(long played) {
        if (stopped) {
            return true;
        }
        reportPlayedClips();
        return endFrame >= 0 && pendingAt == pending.length && played >= endFrame;
    }

    /**
     * Writer thread: it is over, heard up to line frame {@code played}; {@code toTheEnd} when it
     * played to its end rather than being stopped or cut off by the line closing.
     */
    void ended(long played, boolean toTheEnd) {
        if (finalPosition < 0) {
            finalPosition = played;
        }
        boolean complete = toTheEnd && !stopped;
        if (complete) {
            reportPlayedClips();
        }
        done.complete(complete);
        roomMade(Double.MAX_VALUE);
    }

    /** The device failed: no more of it plays. */
    void failed(AudioDeviceException e) {
        if (finalPosition < 0) {
            finalPosition = feeder.position();
        }
        stopped = true;
        done.completeExceptionally(e);
        roomMade(Double.MAX_VALUE);
    }

    private void reportPlayedClips() {
        int played = position().clip();
        while (clipsReported < played) {
            listener.clipPlayed(clipsReported++);
        }
    }
}
