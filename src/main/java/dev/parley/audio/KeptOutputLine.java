package dev.parley.audio;

import dev.parley.audio.echo.EchoReference;
import java.util.Objects;

/**
 * One output line kept open and running, silent between answers, for as long as Parley listens
 * while it speaks (talk-over with echo cancellation): opened when hands-free listening starts
 * ({@link Speaker#prepare}), so the sound server has settled its timing before the first answer.
 *
 * <p>Why: a line opened per answer reaches the microphone with a slightly different delay each time
 * (the sound server sets up a new stream, and on a null sink re-renders its buffer), and the echo
 * canceller, which estimated the last answer's delay, lets the new answer's first second or two
 * through while it finds the new one: enough for Parley to hear itself and stop. One line that never
 * runs dry keeps the delay from written audio to its echo the same for the whole conversation. The
 * cost is one thread writing silence every 20 ms and a sound-server stream that stays open.
 */
public final class KeptOutputLine implements AutoCloseable {

    private final Ducking ducking = new Ducking();
    private LineFeeder feeder;
    private String deviceName;
    /** From the start of hands-free listening ({@link #want}) until it ends ({@link #release}). */
    private boolean wanted;

    /**
     * A playback on the kept line of {@code deviceName} (null: the default device), which opens at
     * {@code sampleRate} if the device takes it (the line of another device is closed first), when
     * talk-over is {@code allowed} and hands-free listening wants the line; otherwise null, and a
     * line nobody wants any more is closed. One step under the line's lock, so a {@link #release}
     * from another thread cannot slip in between the check and the opening and leave a line open.
     */
    synchronized Playback openIfWanted(boolean allowed, String deviceName, int sampleRate,
            Playback.Listener listener, EchoReference echoReference) throws AudioDeviceException {
        if (!allowed || !wanted) {
            close();
            return null;
        }
        ducking.voiceOver(false); // a new answer: what was heard over the last one is over
        return prepare(deviceName, sampleRate, echoReference).play(listener);
    }

    /** Hands-free listening started: answers play on this line, opened now, until {@link #release}. */
    synchronized void want(String deviceName, int sampleRate, EchoReference echoReference)
            throws AudioDeviceException {
        wanted = true;
        prepare(deviceName, sampleRate, echoReference);
    }

    /** The running line of {@code deviceName}, opened now if it is not open yet. */
    private LineFeeder prepare(String deviceName, int sampleRate, EchoReference echoReference)
            throws AudioDeviceException {
        if (feeder != null && (!feeder.isOpen() || !Objects.equals(this.deviceName, deviceName))) {
            close();
        }
        if (feeder == null) {
            feeder = LineFeeder.keptOpen(OutputLines.open(deviceName, sampleRate), echoReference, ducking);
            this.deviceName = deviceName;
        }
        return feeder;
    }

    /**
     * Hands-free listening ended: the line closes now, or, if an answer still plays on it, once that
     * answer ends (it is not cut off), unless listening started again meanwhile.
     */
    public synchronized void release() {
        wanted = false;
        if (feeder == null) {
            return;
        }
        Playback last = feeder.lastQueued();
        if (last == null) {
            close();
            return;
        }
        LineFeeder releasing = feeder;
        last.done().whenComplete((heardToTheEnd, failure) -> closeIfUnwanted(releasing));
    }

    private synchronized void closeIfUnwanted(LineFeeder releasing) {
        if (!wanted && feeder == releasing && !releasing.playing()) {
            close();
        }
    }

    /** Lowers the answers on this line while the microphone hears someone talking over them. */
    public Ducking ducking() {
        return ducking;
    }

    synchronized boolean isOpen() {
        return feeder != null && feeder.isOpen();
    }

    /** Closes the line (what still plays on it is cut off); the next {@link #openIfWanted} opens a new one. */
    @Override
    public synchronized void close() {
        if (feeder != null) {
            feeder.close();
            feeder = null;
        }
    }
}
