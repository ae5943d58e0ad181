package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Lowering an answer while someone talks over it: how far, how smoothly, when not, and back. */
class DuckingTest {

    private static final int RATE = 16_000;
    /** 20,000 lowered by {@link Ducking#DUCKED_DB} (30 dB: 632). */
    private static final short LOWERED = (short) Math.round(20_000 * Math.pow(10, -Ducking.DUCKED_DB / 20));
    /** Past an answer's first seconds, which are never lowered. */
    private static final long LATE = (long) (Ducking.NOT_BEFORE_SECONDS * RATE);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Ducking ducking = new Ducking(now::get);
    private final Ducking.Ramp ramp = ducking.ramp();

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

    /** One block of {@code frames} stereo frames at {@code framesIntoAnswer}, as the writer hands it over. */
    private byte[] play(int frames, long framesIntoAnswer) {
        byte[] pcm = block(frames, (short) 20_000);
        ramp.apply(pcm, pcm.length, 2, RATE, framesIntoAnswer);
        return pcm;
    }

    @Test
    void leavesTheAnswerAloneWhenNobodyTalks() {
        assertThat(play(320, LATE)).isEqualTo(block(320, (short) 20_000));
    }

    @Test
    void goesDownOver20MillisecondsHoweverTheBlocksFall() {
        ducking.voiceOver(true);
        byte[] shortBlock = play(16, LATE); // the end of a clip: 1 ms
        byte[] next = play(320, LATE + 16);

        assertThat(sample(shortBlock, 0)).as("no step").isBetween((short) 19_000, (short) 20_000);
        assertThat(sample(shortBlock, 2 * 15)).as("1 ms in: still near the top").isGreaterThan((short) 18_000);
        assertThat(sample(shortBlock, 1)).isEqualTo(sample(shortBlock, 0)); // both channels alike
        assertThat(sample(next, 2 * 144)).as("10 ms in: halfway").isBetween((short) 9_000, (short) 12_000);
        assertThat(sample(next, 2 * 319)).as("all the way down after 20 ms").isEqualTo(LOWERED);
        assertThat(sample(play(320, LATE + 336), 2 * 319 + 1)).isEqualTo(LOWERED);
    }

    @Test
    void comesBackUpOnceTheVoiceEnds() {
        ducking.voiceOver(true);
        play(320, LATE);
        ducking.voiceOver(false);
        byte[] rising = play(320, LATE + 320);

        assertThat(sample(rising, 0)).isBetween(LOWERED, (short) (LOWERED + 100));
        assertThat(sample(rising, 2 * 319)).isEqualTo((short) 20_000);
        assertThat(play(320, LATE + 640)).isEqualTo(block(320, (short) 20_000));
    }

    @Test
    void anAnswersFirstSecondsAreNotLowered() {
        ducking.voiceOver(true);

        assertThat(play(320, 0)).isEqualTo(block(320, (short) 20_000));
        assertThat(play(320, LATE - 320)).isEqualTo(block(320, (short) 20_000));
        assertThat(sample(play(320, LATE), 2 * 319)).as("lowered once past them").isEqualTo(LOWERED);
    }

    @Test
    void aNewAnswerStartsAtFullLevel() {
        ducking.voiceOver(true);
        play(320, LATE); // lowered when the answer was stopped
        ducking.voiceOver(false);

        assertThat(play(320, 0)).isEqualTo(block(320, (short) 20_000));
    }

    @Test
    void voiceThatIsNotSaidAgainExpires() {
        ducking.voiceOver(true);
        assertThat(sample(play(320, LATE), 2 * 319)).isEqualTo(LOWERED);

        now.addAndGet(Ducking.HEARD_FOR_NANOS); // the microphone stopped mid-voice
        byte[] after = play(320, LATE + 320);

        assertThat(sample(after, 2 * 319)).as("back at full level").isEqualTo((short) 20_000);
        assertThat(ducking.hearing()).isFalse();
    }
}
