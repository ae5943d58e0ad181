package dev.parley.audio;

import dev.parley.audio.echo.EchoReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;

/**
 * A speech queue on one open output line: clips are played back to back in the order they are
 * queued, while more are still being synthesized, and how far playback got is known to the sample,
 * so the caller knows what the listener actually heard. {@link #stop()} silences it at once (barge-in).
 *
 * <p>One writer thread feeds the line in 20 ms blocks, writing only what the line can take without
 * blocking, so a stop is seen within a block. Every block written goes to an {@link EchoReference}, the
 * far end of the microphone's echo canceller, at the moment it enters the line: the device plays it at
 * most the lead (0.1 s) plus the sound server's latency later, so the reference always comes before its
 * echo, which the canceller needs; it finds the remaining delay itself.
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

    private static final double BLOCK_SECONDS = 0.02;
    /**
     * How far ahead of the device the writer keeps the line filled. Filling the line's whole buffer
     * (0.5 s) at once made ALSA's PulseAudio plugin drop the start of the stream when the server asked
     * for a low latency; a short lead also keeps what a stop discards small.
     */
    private static final double LEAD_SECONDS = 0.1;
    private static final long POLL_MILLIS = 5;
    /**
     * Silence written whenever the line starts from empty (at first, and after the synthesizer fell
     * behind): through ALSA's PulseAudio plugin the first 30-50 ms after a start can be lost.
     */
    private static final double LEAD_IN_SECONDS = 0.1;
    /**
     * Silence after the last clip: the line reports frames played once the sound server has taken
     * them, which plays them up to its latency later, and closing the line drops what it still holds.
     */
    private static final double TAIL_SECONDS = 0.15;
    /** How long a device may take no audio (or report no progress) before it counts as stuck. */
    private static final long STALL_NANOS = 3_000_000_000L;

    private final SourceDataLine line;
    private final AudioFormat format;
    private final Listener listener;
    private final FarEndTap farEnd;
    private final LinkedBlockingQueue<AudioClip> queue = new LinkedBlockingQueue<>();
    /** Line frame at which each clip queued so far ends (written by the writer thread only). */
    private final List<Long> clipEnds = new ArrayList<>();
    private final CompletableFuture<Boolean> done = new CompletableFuture<>();
    private volatile boolean inputEnded;
    private volatile boolean stopped;
    private boolean started;
    /** Frames handed to the line so far (writer thread only). */
    private long written;
    private int clipsReported;
    /**
     * The line's frame position when it was closed: a closed Java Sound line reports 0, which would
     * say nothing was heard of an answer that just played to its end.
     */
    private long framesAtClose = -1;

    Playback(SourceDataLine line, Listener listener, EchoReference echoReference) {
        this.line = line;
        this.format = line.getFormat();
        this.listener = listener;
        this.farEnd = new FarEndTap(echoReference, (int) format.getSampleRate(), format.getChannels());
        Thread.ofPlatform().name("parley-playback").daemon(true).start(this::writeUntilDone);
    }

    /** Queues a clip to play after the ones already queued; ignored once stopped. */
    public void enqueue(AudioClip clip) {
        if (stopped) {
            return;
        }
        if (inputEnded) {
            throw new IllegalStateException("no clips may follow endOfInput()");
        }
        queue.add(clip);
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
    public synchronized Position stop() {
        if (stopped || done.isDone()) {
            return position();
        }
        Position heard = position();
        stopped = true;
        line.stop();
        line.flush();
        queue.clear();
        return heard;
    }

    /** Where playback is now. */
    public synchronized Position position() {
        long played = framesAtClose >= 0 ? framesAtClose : line.getLongFramePosition();
        List<Long> ends;
        synchronized (clipEnds) {
            ends = List.copyOf(clipEnds);
        }
        long start = 0;
        for (int i = 0; i < ends.size(); i++) {
            long end = ends.get(i);
            if (played < end) {
                return new Position(i, Math.max(0, played - start) / (double) (end - start));
            }
            start = end;
        }
        return new Position(ends.size(), 0);
    }

    private void writeUntilDone() {
        byte[] leadIn = OutputLines.frames(AudioClip.silence(LEAD_IN_SECONDS, (int) format.getSampleRate()), format);
        try {
            while (!stopped) {
                AudioClip clip = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (clip == null) {
                    reportPlayedClips();
                    if (inputEnded && queue.isEmpty()) {
                        break;
                    }
                    continue;
                }
                if (written <= line.getLongFramePosition()) {
                    write(leadIn, false);
                }
                byte[] pcm = OutputLines.frames(clip, format);
                synchronized (clipEnds) {
                    clipEnds.add(written + pcm.length / format.getFrameSize());
                }
                write(pcm, true);
            }
            if (!stopped) {
                byte[] tail = OutputLines.frames(AudioClip.silence(TAIL_SECONDS, (int) format.getSampleRate()), format);
                write(tail, false);
            }
            boolean complete = !stopped && awaitPlayed(written);
            if (complete) {
                line.drain(); // returns at once by now; kept for devices whose frame position lags
                reportPlayedClips();
            }
            closeLine();
            done.complete(complete);
        } catch (AudioDeviceException e) {
            closeLine();
            done.completeExceptionally(e);
        } catch (InterruptedException e) {
            closeLine();
            done.complete(false);
        }
    }

    private synchronized void closeLine() {
        framesAtClose = line.getLongFramePosition();
        line.close();
    }

    /**
     * Writes one clip block by block as the line has room. It writes only what fits and waits itself:
     * a blocking {@code SourceDataLine.write} cannot be stopped.
     */
    private void write(byte[] pcm, boolean speech) throws AudioDeviceException, InterruptedException {
        int blockBytes = Math.min(line.getBufferSize(),
                Math.max(1, (int) (format.getSampleRate() * BLOCK_SECONDS)) * format.getFrameSize());
        long leadFrames = (long) (format.getSampleRate() * LEAD_SECONDS);
        long lastProgress = System.nanoTime();
        for (int at = 0; at < pcm.length && !stopped; ) {
            int length = Math.min(blockBytes, pcm.length - at);
            boolean ahead = written - line.getLongFramePosition() >= leadFrames;
            if (!ahead && line.available() >= length) {
                int wrote = line.write(pcm, at, length);
                farEnd.written(pcm, at, wrote);
                at += wrote;
                written += wrote / format.getFrameSize();
                lastProgress = System.nanoTime();
                if (!line.isRunning()) {
                    // Started only once it holds audio: started empty, ALSA's PulseAudio plugin runs
                    // dry at once and skips the start of what follows.
                    line.start();
                }
                if (speech && !started) {
                    started = true;
                    listener.started(lastProgress);
                }
            } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
                throw stalled();
            } else {
                reportPlayedClips();
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    /**
     * Waits until the line reports every frame played. {@code drain()} alone is not enough: through
     * ALSA's PulseAudio plugin it returns as soon as ALSA's buffer is empty, up to a second before the
     * sound server has played that audio, and {@code close()} then cuts it off. Bounded, in case a
     * device never reports the last frames.
     */
    private boolean awaitPlayed(long frames) throws InterruptedException {
        long bufferNanos = (long) (1e9 * line.getBufferSize() / format.getFrameSize() / format.getSampleRate());
        long deadline = System.nanoTime() + bufferNanos + STALL_NANOS;
        while (!stopped && line.getLongFramePosition() < frames && System.nanoTime() < deadline) {
            reportPlayedClips();
            Thread.sleep(POLL_MILLIS);
        }
        return !stopped;
    }

    private void reportPlayedClips() {
        int played = position().clip();
        while (clipsReported < played) {
            listener.clipPlayed(clipsReported++);
        }
    }

    private AudioDeviceException stalled() {
        return new AudioDeviceException("The audio output stopped taking audio for " + STALL_NANOS / 1_000_000_000
                + " s; the device may have been unplugged or suspended. Check it, or choose another one: "
                + AudioDevices.OUTPUT.available());
    }
}
