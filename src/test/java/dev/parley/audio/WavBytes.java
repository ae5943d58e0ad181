package dev.parley.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds WAV files byte by byte for tests, independently of {@link WavFiles}: headers with any format
 * code, odd chunks, wrong sizes, and samples in every encoding.
 */
final class WavBytes {

    static final int PCM = 1;
    static final int IEEE_FLOAT = 3;
    static final int A_LAW = 6;
    static final int MU_LAW = 7;

    private WavBytes() {
    }

    static byte[] riffWave(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("WAVE"));
        for (byte[] chunk : chunks) {
            body.writeBytes(chunk);
        }
        return concat(ascii("RIFF"), le32(body.size()), body.toByteArray());
    }

    /** A chunk with its true size, padded to an even length as RIFF requires. */
    static byte[] chunk(String id, byte[] body) {
        byte[] padding = new byte[body.length % 2];
        return concat(ascii(id), le32(body.length), body, padding);
    }

    /** A chunk whose size field says {@code declaredSize} whatever the body really holds. */
    static byte[] chunkDeclaring(String id, long declaredSize, byte[] body) {
        return concat(ascii(id), le32(declaredSize), body);
    }

    static byte[] fmt(int formatCode, int channels, int rate, int bitsPerSample) {
        int blockAlign = channels * ((bitsPerSample + 7) / 8);
        return chunk("fmt ", ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) formatCode).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bitsPerSample).array());
    }

    /** WAVE_FORMAT_EXTENSIBLE with the standard sub-format GUID for {@code subFormat}. */
    static byte[] fmtExtensible(int subFormat, int channels, int rate, int bitsPerSample) {
        int blockAlign = channels * bitsPerSample / 8;
        ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0xFFFE).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bitsPerSample)
                .putShort((short) 22).putShort((short) bitsPerSample).putInt(channels == 1 ? 0x4 : 0x3)
                .putShort((short) subFormat).put(new byte[] {
                    0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", fmt.array());
    }

    /** A whole 16-bit PCM file of interleaved frames. */
    static byte[] pcm16(int rate, int channels, float... interleaved) {
        return riffWave(fmt(PCM, channels, rate, 16), chunk("data", encode("s16", interleaved)));
    }

    /** Samples in [-1, 1] encoded as {@code u8, s16, s24, s32, f32} or {@code f64}, little-endian. */
    static byte[] encode(String encoding, float... samples) {
        ByteBuffer out = ByteBuffer.allocate(samples.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : samples) {
            switch (encoding) {
                case "u8" -> out.put((byte) (scaled(sample, 8) + 128));
                case "s16" -> out.putShort((short) scaled(sample, 16));
                case "s24" -> {
                    long value = scaled(sample, 24);
                    out.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
                }
                case "s32" -> out.putInt((int) scaled(sample, 32));
                case "f32" -> out.putFloat(sample);
                case "f64" -> out.putDouble(sample);
                default -> throw new IllegalArgumentException(encoding);
            }
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    private static long scaled(float sample, int bits) {
        long full = 1L << (bits - 1);
        return Math.max(-full, Math.min(full - 1, Math.round(sample * (double) full)));
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] le32(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
