package dev.parley.audio;

import java.util.function.LongSupplier;

/**
 * Lowers Parley's voice while somebody may be talking over it: the microphone's thread says when a
 * stretch of voice starts and ends ({@link #voiceOver}), the output line's writer scales each block of
 * an answer on its way to the device ({@link Ramp#apply}), moving to the new level over 20 ms so the
 * change does not click.
 *
 * <p>Why: with open speakers Parley's own voice reaches the microphone as loud as the user's or louder
 * (on the null-sink loopback, 7 dB louder than the test's second voice). While both sound, the echo
 * canceller's suppressor takes 10-15 dB off the user's first words too, so "please turn on the kitchen
 * lights" arrived as "the kitchen lights" (0 of 7 runs right). Lowered by 20 dB from the first voiced
 * frame on, 4 of 8 runs kept those words; by 30 dB, 20 of 21, also at load 5 (docs/performance.md,
 * "Talking over Parley"). So Parley all but falls silent while someone talks over it: a cough dips the
 * answer for a moment, a longer voice stops it (a barge-in), and the next answer plays at full level.
 */
public final class Ducking {

    /** How far Parley's voice goes down while someone talks over it. */
    public static final double DUCKED_DB = 30;
    /** {@link #DUCKED_DB} as a factor on the samples. */
    public static final float DUCKED_GAIN = (float) Math.pow(10, -DUCKED_DB / 20);

    /**
     * An answer's first 1.5 s of sound are never lowered. The canceller leaves most of Parley's voice
     * behind as an answer starts after a pause, and lowering the answer then let the room's echo of
     * what was just played through the canceller's suppressor: `parley bench --duplex` counted 3 false
     * barge-ins in 10 minutes where it counted none without lowering, all 0.5-1.2 s into an answer.
     * (Waiting for 100 ms of voice before lowering instead also removed them, but lowered too late to
     * keep the first words on the null sink: 3 of 9 runs right.) The barge-in itself is unchanged.
     */
    public static final double NOT_BEFORE_SECONDS = 1.5;

    /**
     * How long a "voice over the answer" lasts without being said again: the gate says it with every
     * block while the voice goes on (25 ms), so a microphone that stalls, fails or is swapped in the
     * middle of a voice cannot leave an answer lowered to its end. Longer than the echo canceller may
     * hold captured audio back while it waits for played audio on a busy machine (0.4 s,
     * {@code LiveEchoCancellation.MAX_HOLD_FRAMES}), so a held-up microphone does not flicker the level.
     */
    static final long HEARD_FOR_NANOS = 500_000_000L;
    /** The ramp between the levels: 20 ms, however the writer's blocks fall (clip ends make short ones). */
    private static final double RAMP_SECONDS = 0.02;

    private final LongSupplier nanoTime;
    /** When the microphone side last said it hears voice over the answer; 0: it does not. */
    private volatile long heardNanos;

    public Ducking() {
        this(System::nanoTime);
    }

    Ducking(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * From the microphone's side, with every block: someone is heard over the answer (true), or the
     * stretch of voice ended or the answer was stopped (false).
     */
    public void voiceOver(boolean heard) {
        heardNanos = heard ? Math.max(1, nanoTime.getAsLong()) : 0;
    }

    /** Whether an answer may be lowered {@code framesIntoAnswer} frames at {@code sampleRate} into it. */
    public static boolean mayLower(long framesIntoAnswer, int sampleRate) {
        return framesIntoAnswer >= NOT_BEFORE_SECONDS * sampleRate;
    }

    /** Whether someone was heard over the answer just now (it is lowered once past its first seconds). */
    boolean hearing() {
        long heard = heardNanos;
        return heard != 0 && nanoTime.getAsLong() - heard < HEARD_FOR_NANOS;
    }

    /** The level of one line's writer thread, which moves towards what {@link Ducking} wants. */
    Ramp ramp() {
        return new Ramp();
    }

    /** One writer thread's gain; a new line (device change, talk-over again) starts a new one. */
    final class Ramp {

        private float gain = 1;

        private Ramp() {}

        /**
         * Scales {@code length} bytes of 16-bit little-endian {@code channels}-channel frames at
         * {@code sampleRate} in place, which start {@code framesIntoAnswer} frames into their answer
         * (0: a new answer, which starts at full level). Writer thread only.
         */
        void apply(byte[] pcm, int length, int channels, int sampleRate, long framesIntoAnswer) {
            if (framesIntoAnswer == 0) {
                gain = 1;
            }
            float target = hearing() && mayLower(framesIntoAnswer, sampleRate) ? DUCKED_GAIN : 1;
            if (target == 1 && gain == 1) {
                return; // nobody talks over it: the answer goes out untouched
            }
            float step = (float) ((1 - DUCKED_GAIN) / (RAMP_SECONDS * sampleRate));
            int frameBytes = 2 * channels;
            for (int at = 0; at + frameBytes <= length; at += frameBytes) {
                gain = gain < target ? Math.min(target, gain + step) : Math.max(target, gain - step);
                for (int channel = 0, sampleAt = at; channel < channels; channel++, sampleAt += 2) {
                    Pcm16.put(pcm, sampleAt, Math.round(Pcm16.sample(pcm, sampleAt) * gain));
                }
            }
        }
    }
}
