package dev.parley.audio;

/**
 * Lowers Parley's voice while somebody may be talking over it: the microphone's thread says when a
 * stretch of voice starts and ends ({@link #voiceOver}), the output line's writer scales each block of
 * an answer on its way to the device ({@link #apply}), moving to the new level across one block so the
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
    private static final float DUCKED_GAIN = (float) Math.pow(10, -DUCKED_DB / 20);

    /**
     * An answer's first 1.5 s of sound are never lowered. The canceller leaves most of Parley's voice
     * behind as an answer starts after a pause, and lowering the answer then let the room's echo of
     * what was just played through the canceller's suppressor: `parley bench --duplex` counted 3 false
     * barge-ins in 10 minutes where it counted none without lowering, all 0.5-1.2 s into an answer.
     * (Waiting for 100 ms of voice before lowering instead also removed them, but lowered too late to
     * keep the first words on the null sink: 3 of 9 runs right.) The barge-in itself is unchanged.
     */
    public static final double NOT_BEFORE_SECONDS = 1.5;

    private volatile boolean voiceOver;
    /** Set by {@link #answerStarts()}; the writer then counts the new answer's frames from 0. */
    private volatile boolean newAnswer;
    /** The gain the last block ended at (writer thread only). */
    private float gain = 1;
    /** Frames of the current answer written so far (writer thread only). */
    private long answerFrames;

    /** From the microphone's side: a stretch of voice over the answer started (true) or ended (false). */
    public void voiceOver(boolean heard) {
        voiceOver = heard;
    }

    /** A new answer starts: at full level, whatever listening over the last one left. */
    void answerStarts() {
        voiceOver = false;
        newAnswer = true;
    }

    /** Whether someone is heard over the answer (it is lowered once past its first seconds). */
    public boolean ducked() {
        return voiceOver;
    }

    /**
     * Scales {@code length} bytes of 16-bit little-endian {@code channels}-channel frames at
     * {@code sampleRate} in place, ramping from the previous block's gain to the one wanted now.
     * Writer thread only.
     */
    void apply(byte[] pcm, int length, int channels, int sampleRate) {
        if (newAnswer) {
            newAnswer = false;
            answerFrames = 0;
        }
        boolean early = answerFrames < NOT_BEFORE_SECONDS * sampleRate;
        answerFrames += length / (2 * channels);
        float target = voiceOver && !early ? DUCKED_GAIN : 1;
        if (target == 1 && gain == 1) {
            return;
        }
        int frameBytes = 2 * channels;
        int frames = length / frameBytes;
        float start = gain;
        for (int frame = 0; frame < frames; frame++) {
            float frameGain = start + (target - start) * (frame + 1) / frames;
            for (int channel = 0, at = frame * frameBytes; channel < channels; channel++, at += 2) {
                int sample = Math.round((short) ((pcm[at] & 0xff) | (pcm[at + 1] << 8)) * frameGain);
                pcm[at] = (byte) sample;
                pcm[at + 1] = (byte) (sample >> 8);
            }
        }
        gain = target;
    }
}
