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
}
