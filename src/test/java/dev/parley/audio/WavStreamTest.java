package dev.parley.audio;

import static dev.parley.audio.WavBytes.PCM;
import static dev.parley.audio.WavBytes.chunk;
import static dev.parley.audio.WavBytes.chunkDeclaring;
import static dev.parley.audio.WavBytes.encode;
import static dev.parley.audio.WavBytes.fmt;
import static dev.parley.audio.WavBytes.riffWave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class WavStreamTest {

    @Test
    void readsHoursOfAudioInBlocksOfTheSizeAsked() throws IOException {
        // Three hours of 48 kHz stereo announced; reading a minute of it takes a minute's worth of bytes.
        long threeHours = 3L * 3600 * 48000 * 4;
        byte[] header = riffWave(fmt(PCM, 2, 48000, 16), chunkDeclaring("data", threeHours, new byte[0]));
        EndlessInput input = new EndlessInput(header, encode("s16", 0.5f, 0.25f), header.length + 60L * 48000 * 4 + 65536);

        try (WavStream wav = WavStream.of(input, "long.wav")) {
            long frames = 0;
            for (int block = 0; block < 60; block++) {
                float[] samples = wav.read(48000);
                assertThat(samples).hasSize(48000);
                assertThat(samples[0]).isEqualTo(0.375f);
                frames += samples.length;
            }

            assertThat(frames).isEqualTo(60L * 48000);
            assertThat(wav.declaredFrames()).contains(3L * 3600 * 48000);
            assertThat(wav.shortfall()).as("not at the end yet").isEmpty();
        }
    }

    @Test
    void saysHowMuchOfTheAnnouncedAudioIsMissingOnceItEnds() throws IOException {
        float[] halfSecond = new float[8000];
        byte[] wav = riffWave(fmt(PCM, 1, 16000, 16), chunkDeclaring("data", 0xFFFFFFF0L, encode("s16", halfSecond)));

        try (WavStream stream = WavStream.of(new ByteArrayInputStream(wav), "cut.wav")) {
            assertThat(stream.read(16000)).hasSize(8000);
            assertThat(stream.read(16000)).isEmpty();

            assertThat(stream.shortfall()).contains(
                    "cut.wav is cut off: its header announces 37.3 hours of audio but the file ends after 0.5 s");
            assertThat(stream.secondsRead()).isEqualTo(0.5);
        }
    }

    @Test
    void stopsAtTheAnnouncedSizeAndReportsNothingMissing() throws IOException {
        byte[] wav = riffWave(fmt(PCM, 1, 16000, 16), chunk("data", encode("s16", 0.5f, 0.5f, 0.5f)),
                chunk("LIST", new byte[100]));

        try (WavStream stream = WavStream.of(new ByteArrayInputStream(wav), "whole.wav")) {
            assertThat(stream.read(2)).hasSize(2);
            assertThat(stream.read(2)).hasSize(1);
            assertThat(stream.read(2)).isEmpty();
            assertThat(stream.shortfall()).isEmpty();
        }
    }

    @Test
    void readsFramesOfTheMostChannelsAHeaderCanDeclareInBlocksOfAboutAMegabyte() throws IOException {
        // 65,535 channels of 64-bit float: half a megabyte per frame, and 48,000 frames asked for at once.
        int channels = 65_535;
        byte[] fmt = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putShort((short) WavBytes.IEEE_FLOAT).putShort((short) channels).putInt(48000).putInt(0)
                .putShort((short) 0).putShort((short) 64).array();
        byte[] header = riffWave(chunk("fmt ", fmt), chunkDeclaring("data", 0xFFFFFFFFL, new byte[0]));
        EndlessInput input = new EndlessInput(header, new byte[8], header.length + (4L << 20));

        try (WavStream wav = WavStream.of(input, "wide.wav")) {
            float[] block = wav.read(48000);

            assertThat(block).hasSize(2).containsOnly(0f);
        }
    }

    @Test
    void givesUpOnEndlessEmptyChunksBeforeTheAudioWithAShortMessage() {
        // "RIFF....WAVE" then zeros: a 4 GB sparse file reads as hundreds of millions of empty chunks.
        byte[] riffWave = "RIFF\u00ff\u00ff\u00ff\u00ffWAVE".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        EndlessInput zeros = new EndlessInput(riffWave, new byte[1], 1L << 32);

        assertThatThrownBy(() -> WavStream.of(zeros, "s.wav"))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("has no 'fmt ' chunk")
                .hasMessageContaining("and 991 more")
                .message().hasSizeLessThan(400);
    }
}
