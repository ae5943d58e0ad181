package dev.parley.audio.echo;

/**
 * Where the playback path reports what the output device has just played, at
 * {@link EchoCanceller#SAMPLE_RATE}: the reference an echo canceller subtracts from the microphone.
 * Called on the playback thread, in play order, as the device's frame position advances.
 */
@FunctionalInterface
public interface EchoReference {

    /** Ignores what is played: no echo cancellation. */
    EchoReference NONE = samples -> { };

    void played(float[] samples);

    /**
     * The output ran dry (its writer was held up longer than the audio it had queued): what plays
     * from now on reaches the microphone with another delay, which the canceller has to find again.
     */
    default void ranDry() {
    }
}
