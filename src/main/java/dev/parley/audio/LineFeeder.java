package dev.parley.audio;

import dev.parley.audio.echo.EchoReference;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;

/**
 * The one writer of an open output line: a thread that keeps the line filled a short lead ahead of the
 * device, with the {@link Playback}s given to it one after another, and with silence whenever none
 * has audio ready (before the first clip, while the synthesizer falls behind, between answers).
 *
 * <p>It writes in 20 ms blocks and only what the line can take without blocking (a blocking
 * {@code SourceDataLine.write} cannot be stopped), so a stop is seen within a block. Every block
 * written goes to an {@link EchoReference}, the far end of the microphone's echo canceller, at the
 * moment it enters the line: the device plays it at most the lead (0.1 s) plus the sound server's
 * latency later, so the reference always comes before its echo, which the canceller needs; it finds
 * the remaining delay itself. A line that never runs dry keeps that delay the same from one answer to
 * the next.
 *
 * <p>A feeder made by {@link #forOne} closes its line when its playback ends; one made by
 * {@link #keptOpen} runs until {@link #close()}. A stop drops what the line holds at once in both.
 * When the line ran dry anyway (its position caught up with what was written: the writer or the
 * sound server was held up), the echo reference is told, since the delay changed.
 */
final class LineFeeder {

    private static final double BLOCK_SECONDS = 0.02;
    /**
     * How far ahead of the device the writer keeps the line filled. Filling the line's whole buffer
     * (0.5 s) at once made ALSA's PulseAudio plugin drop the start of the stream when the server asked
     * for a low latency; a short lead also keeps what a stop discards small.
     */
    private static final double LEAD_SECONDS = 0.1;
    private static final long POLL_MILLIS = 5;
    /** How long a device may take no audio (or report no progress) before it counts as stuck. */
    private static final long STALL_NANOS = 3_000_000_000L;

    private final SourceDataLine line;
    private final AudioFormat format;
    private final FarEndTap farEnd;
    private final boolean kept;
    /** Lowers answers while someone talks over them; null on a line of its own (no talk-over there). */
    private final Ducking.Ramp ducking;
    /** The playback the last block came from, and how many of its frames were written (writer thread). */
    private Playback lastFilled;
    private long framesOfLastFilled;
    private final ConcurrentLinkedDeque<Playback> playbacks = new ConcurrentLinkedDeque<>();
    private final Object lineLock = new Object();
    private final int blockBytes;
    private final long leadFrames;
    private final byte[] block;
    private final byte[] silence;
    private volatile boolean closed;
    /** The line's frame position when it was closed: a closed Java Sound line reports 0. */
    private volatile long positionAtClose = -1;
    /** Frames handed to the line so far (writer thread only). */
    private long written;
    /** The line played all it was given; said once per time (writer thread only). */
    private boolean dry;

    private LineFeeder(SourceDataLine line, EchoReference echoReference, boolean kept, Ducking ducking) {
        this.line = line;
        this.format = line.getFormat();
        this.kept = kept;
        this.ducking = ducking == null ? null : ducking.ramp();
        this.farEnd = new FarEndTap(echoReference, (int) format.getSampleRate(), format.getChannels());
        this.blockBytes = Math.min(line.getBufferSize(),
                Math.max(1, (int) (format.getSampleRate() * BLOCK_SECONDS)) * format.getFrameSize());
        this.leadFrames = (long) (format.getSampleRate() * LEAD_SECONDS);
        this.block = new byte[blockBytes];
        this.silence = new byte[blockBytes];
    }

    /** Plays one playback on {@code line} and closes the line when it ends. */
    static Playback forOne(SourceDataLine line, EchoReference echoReference, Playback.Listener listener) {
        LineFeeder feeder = new LineFeeder(line, echoReference, false, null);
        Playback playback = feeder.play(listener);
        feeder.start("parley-playback");
        return playback;
    }

    /** Keeps {@code line} open and running, silent between playbacks, until {@link #close()}. */
    static LineFeeder keptOpen(SourceDataLine line, EchoReference echoReference, Ducking ducking) {
        LineFeeder feeder = new LineFeeder(line, echoReference, true, ducking);
        feeder.start("parley-output-line");
        return feeder;
    }

    private void start(String threadName) {
        Thread.ofPlatform().name(threadName).daemon(true).start(this::writeUntilClosed);
    }

    /** A playback that starts once the ones given before it have ended. */
    Playback play(Playback.Listener listener) throws AudioDeviceException {
        Playback playback = new Playback(listener, format, this);
        playbacks.add(playback);
        if (closed) {
            playbacks.remove(playback);
            throw new AudioDeviceException("The audio output was closed; try again.");
        }
        return playback;
    }

    boolean isOpen() {
        return !closed;
    }

    /** Whether a playback is playing or waiting its turn. */
    boolean playing() {
        return !playbacks.isEmpty();
    }

    /** The playback that ends last of those playing or waiting, or null. */
    Playback lastQueued() {
        return playbacks.peekLast();
    }

    /** Ends every playback (as stopped) and closes the line; the writer thread ends within a block. */
    void close() {
        closed = true;
    }

    /** The lock a stop takes, so no block of the stopped playback is written after it. */
    Object lineLock() {
        return lineLock;
    }

    /** The frames the line has played so far. */
    long position() {
        long closedAt = positionAtClose;
        return closedAt >= 0 ? closedAt : line.getLongFramePosition();
    }

    /**
     * Called under {@link #lineLock()} when a playback stops: what the line holds is dropped at
     * once. A line of its own stops; a kept line runs on (a flushed running line restarts by itself),
     * the writer fills it again, with the next playback's audio or silence.
     */
    void silence() {
        if (closed) {
            return;
        }
        if (!kept) {
            line.stop();
        }
        line.flush();
    }

    private void writeUntilClosed() {
        long lastProgress = System.nanoTime();
        long lastPosition = -1;
        try {
            while (!closed) {
                long played = line.getLongFramePosition();
                if (played != lastPosition) {
                    lastPosition = played;
                    lastProgress = System.nanoTime();
                }
                Playback current = playbacks.peek();
                if (current != null && current.update(played)) {
                    playbacks.poll();
                    current.ended(played, true);
                    if (!kept && playbacks.isEmpty()) {
                        break;
                    }
                    continue;
                }
                if (written > 0 && played >= written && !dry) {
                    dry = true;
                    farEnd.ranDry();
                }
                if (written - played < leadFrames && line.available() >= blockBytes) {
                    writeBlock(current);
                    dry = false;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
                    throw stalled();
                } else {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (AudioDeviceException e) {
            closeLine();
            endAll(playback -> playback.failed(e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeLine();
        endAll(playback -> playback.ended(positionAtClose, false));
    }

    /** The line is closed: every playback still waiting ends as {@code end} says. */
    private void endAll(Consumer<Playback> end) {
        Playback playback;
        while ((playback = playbacks.poll()) != null) {
            end.accept(playback);
        }
    }

    /** One block of {@code current}'s audio, or of silence when it has none ready (or there is none). */
    private void writeBlock(Playback current) {
        synchronized (lineLock) {
            if (current != null && current.stopped()) {
                return; // cut off: the next round ends it
            }
            int length = current == null ? 0 : current.fill(block, blockBytes, written);
            if (length > 0 && ducking != null) {
                if (current != lastFilled) {
                    lastFilled = current;
                    framesOfLastFilled = 0;
                }
                // Before the echo reference is told: the lowered audio is what plays.
                ducking.apply(block, length, format.getChannels(), (int) format.getSampleRate(), framesOfLastFilled);
                framesOfLastFilled += length / format.getFrameSize();
            }
            byte[] data = length > 0 ? block : silence;
            int wrote = line.write(data, 0, length > 0 ? length : blockBytes);
            farEnd.written(data, 0, wrote);
            written += wrote / format.getFrameSize();
            if (!line.isRunning()) {
                // Started only once it holds audio: started empty, ALSA's PulseAudio plugin runs dry
                // at once and skips the start of what follows.
                line.start();
            }
        }
    }

    private void closeLine() {
        synchronized (lineLock) {
            closed = true;
            positionAtClose = line.getLongFramePosition();
            line.close();
        }
    }

    private AudioDeviceException stalled() {
        return new AudioDeviceException("The audio output stopped taking audio for " + STALL_NANOS / 1_000_000_000
                + " s; the device may have been unplugged or suspended. Check it, or choose another one: "
                + AudioDevices.OUTPUT.available());
    }
}
