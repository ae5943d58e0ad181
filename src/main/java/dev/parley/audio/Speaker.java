package dev.parley.audio;

import dev.parley.audio.echo.EchoReference;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * An audio output device, chosen by name, played through Java Sound: either one clip at a time
 * ({@link #play}) or as a queue of clips that can be stopped mid-sample ({@link #open}). Each queue gets
 * a line of its own, or, while a {@link KeptOutputLine} is asked for, they take turns on that one line.
 */
public final class Speaker {

    private final String deviceName;
    private final EchoReference echoReference;
    private final KeptOutputLine keptLine;
    private final BooleanSupplier keepLineOpen;

    /**
     * @param deviceNameOrNullForDefault part of an output device's name as listed by
     *     {@link #outputDeviceNames()} (case-insensitive), or null or blank for the system default
     */
    public Speaker(String deviceNameOrNullForDefault) {
        this(deviceNameOrNullForDefault, EchoReference.NONE);
    }

    /**
     * @param echoReference told what the device plays, as the far end for the microphone's echo
     *     canceller
     */
    public Speaker(String deviceNameOrNullForDefault, EchoReference echoReference) {
        this(deviceNameOrNullForDefault, echoReference, null, () -> false);
    }

    /**
     * @param keptLine the line to play on while {@code keepLineOpen} says so (checked at each
     *     {@link #open}); when it says no, the kept line is closed and each queue opens its own
     */
    public Speaker(String deviceNameOrNullForDefault, EchoReference echoReference, KeptOutputLine keptLine,
            BooleanSupplier keepLineOpen) {
        this.echoReference = echoReference;
        this.keptLine = keptLine;
        this.keepLineOpen = keepLineOpen;
        this.deviceName = deviceNameOrNullForDefault == null || deviceNameOrNullForDefault.isBlank()
                ? null
                : deviceNameOrNullForDefault.strip();
    }

    /** Names of the devices that can play audio, in Java Sound's order. */
    public static List<String> outputDeviceNames() {
        return OutputLines.deviceNames();
    }

    /** Opens the device for a queue of clips, played at {@code sampleRate} if the device takes it. */
    public Playback open(int sampleRate, Playback.Listener listener) throws AudioDeviceException {
        if (keptLine != null) {
            Playback kept = keptLine.openIfWanted(keepLineOpen.getAsBoolean(), deviceName, sampleRate, listener,
                    echoReference);
            if (kept != null) {
                return kept;
            }
        }
        return LineFeeder.forOne(OutputLines.open(deviceName, sampleRate), echoReference, listener);
    }

    /**
     * Opens the kept line now if one is asked for, so the sound server has settled its timing by the
     * first answer: the echo canceller then finds one delay for the whole conversation.
     */
    public void prepare(int sampleRate) throws AudioDeviceException {
        if (keptLine != null && keepLineOpen.getAsBoolean()) {
            keptLine.want(deviceName, sampleRate, echoReference);
        }
    }

    /** Hands-free listening ended: the kept line is not needed any more ({@link KeptOutputLine#release}). */
    public void endTalkOver() {
        if (keptLine != null) {
            keptLine.release();
        }
    }

    /**
     * Plays {@code clip} and returns once it has been heard. Interrupting the calling thread stops it
     * within a few milliseconds; it then returns normally with the interrupt flag still set.
     */
    public void play(AudioClip clip) throws AudioDeviceException {
        Playback playback = open(clip.sampleRate(), new Playback.Listener() { });
        playback.enqueue(clip);
        playback.endOfInput();
        try {
            playback.done().get();
        } catch (InterruptedException e) {
            playback.stop();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AudioDeviceException device) {
                throw device;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
