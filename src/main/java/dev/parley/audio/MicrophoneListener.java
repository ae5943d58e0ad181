package dev.parley.audio;

/**
 * What a {@link Microphone} reports while it runs, called on its capture thread: implementations must
 * return quickly (hand the value to a UI thread, do not render or block here), or capture falls behind.
 */
@FunctionalInterface
public interface MicrophoneListener {

    /** Ignores everything. */
    MicrophoneListener NONE = dbfs -> { };

    /** The level of the last 50 ms in dBFS (≤ 0; {@link LevelMeter#SILENCE_DB} for digital silence), 20 times a second. */
    void level(double dbfs);

    /**
     * The device failed or stopped delivering audio; the message says what to do. The microphone keeps
     * reopening it (with growing pauses, at most a few seconds apart) until it delivers again or is
     * closed. Reported once per outage, and again if the reason changes.
     */
    default void deviceLost(AudioDeviceException problem) {
    }

    /** Audio flows again after {@link #deviceLost}. */
    default void deviceRestored() {
    }
}
