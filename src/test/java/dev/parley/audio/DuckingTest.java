package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lowering an answer while someone talks over it: how far, how smoothly, and back. */
class DuckingTest {

    private static final int RATE = 16_000;
    private final Ducking ducking = new Ducking();
    /** 20,000 lowered by {@link Ducking#DUCKED_DB} (30 dB: 632). */
    private static final short LOWERED = (short) Math.round(20_000 * Math.pow(10, -Ducking.DUCKED_DB / 20));

    /** {@code frames} stereo frames of one constant sample value, 16-bit little-endian. */
    private static byte[] block(int frames, short value) {
        byte[] pcm = new byte[frames * 4];
        for (int at = 0; at < pcm.length; at += 2) {
            pcm[at] = (byte) value;
            pcm[at + 1] = (byte) (value >> 8);
        }
        return pcm;
    }

    private static short sample(byte[] pcm, int index) {
        return (short) ((pcm[2 * index] & 0xff) | (pcm[2 * index + 1] << 8));
    }

    @Test
    void leavesTheAnswerAloneWhenNobodyTalks() {
        byte[] pcm = block(320, (short) 20_000);
        ducking.apply(pcm, pcm.length, 2, RATE);

        assertThat(pcm).isEqualTo(block(320, (short) 20_000));
    }

    /** Plays the answer's first seconds, which are never lowered. */
    private void pastTheAnswersStart() {
        for (int written = 0; written < Ducking.NOT_BEFORE_SECONDS * RATE; written += 320) {
            byte[] pcm = block(320, (short) 20_000);
            ducking.apply(pcm, pcm.length, 2, RATE);
            assertThat(pcm).isEqualTo(block(320, (short) 20_000));
        }
    }

    @Test
    void anAnswersFirstSecondsAreNotLowered() {
        ducking.answerStarts();
        ducking.voiceOver(true);
        pastTheAnswersStart();
        byte[] next = block(320, (short) 20_000);
        ducking.apply(next, next.length, 2, RATE);

        assertThat(sample(next, 2 * 319)).as("lowered once past them").isEqualTo(LOWERED);
        ducking.answerStarts(); // the next answer starts at full level and is not lowered early either
        ducking.voiceOver(true);
        byte[] start = block(320, (short) 20_000);
        ducking.apply(start, start.length, 2, RATE);
        assertThat(sample(start, 2 * 319)).isEqualTo((short) 20_000);
    }

    @Test
    void goesDownAcrossOneBlockAndStaysThere() {
        pastTheAnswersStart();
        ducking.voiceOver(true);
        byte[] first = block(320, (short) 20_000);
        ducking.apply(first, first.length, 2, RATE);
        byte[] second = block(320, (short) 20_000);
        ducking.apply(second, second.length, 2, RATE);

        assertThat(sample(first, 0)).isBetween((short) 19_900, (short) 20_000); // no step: a ramp
        assertThat(sample(first, 1)).isEqualTo(sample(first, 0)); // both channels alike
        assertThat(sample(first, 2 * 160)).isBetween((short) 10_000, (short) 12_000); // halfway
        assertThat(sample(first, 2 * 319)).isEqualTo(LOWERED); // all the way down at the block's end
        assertThat(LOWERED).isEqualTo((short) 632);
        assertThat(sample(second, 0)).isEqualTo(LOWERED);
        assertThat(sample(second, 2 * 319 + 1)).isEqualTo(LOWERED);
    }

    @Test
    void comesBackUpOnceTheVoiceEnds() {
        pastTheAnswersStart();
        ducking.voiceOver(true);
        byte[] ducked = block(320, (short) -20_000);
        ducking.apply(ducked, ducked.length, 2, RATE);
        ducking.voiceOver(false);
        byte[] rising = block(320, (short) -20_000);
        ducking.apply(rising, rising.length, 2, RATE);
        byte[] after = block(320, (short) -20_000);
        ducking.apply(after, after.length, 2, RATE);

        assertThat(sample(rising, 0)).isBetween((short) (-LOWERED - 100), (short) -LOWERED);
        assertThat(sample(rising, 2 * 319)).isEqualTo((short) -20_000);
        assertThat(after).isEqualTo(block(320, (short) -20_000));
        assertThat(ducking.ducked()).isFalse();
    }
}
