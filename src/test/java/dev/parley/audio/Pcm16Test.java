package dev.parley.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Pcm16Test {

    @Test
    void readsLittleEndianSignedSamples() {
        byte[] pcm = {0x01, 0x00, (byte) 0xff, (byte) 0xff, 0x00, (byte) 0x80, (byte) 0xff, 0x7f};

        assertThat(Pcm16.sample(pcm, 0)).isEqualTo((short) 1);
        assertThat(Pcm16.sample(pcm, 2)).isEqualTo((short) -1);
        assertThat(Pcm16.sample(pcm, 4)).isEqualTo(Short.MIN_VALUE);
        assertThat(Pcm16.level(pcm, 4)).isEqualTo(-1f);
        assertThat(Pcm16.sample(pcm, 6)).isEqualTo(Short.MAX_VALUE);
    }

    @Test
    void writesWhatItReadsAndClipsLevels() {
        byte[] pcm = new byte[6];
        Pcm16.put(pcm, 0, -12345);
        Pcm16.putLevel(pcm, 2, 2.5f);
        Pcm16.putLevel(pcm, 4, -7f);

        assertThat(Pcm16.sample(pcm, 0)).isEqualTo((short) -12345);
        assertThat(Pcm16.sample(pcm, 2)).isEqualTo((short) 32767);
        assertThat(Pcm16.sample(pcm, 4)).isEqualTo((short) -32767);
    }
}
