package dev.parley.audio;

/** How one sample is stored in a WAV data chunk (always little-endian), and how to decode it to [-1, 1]. */
enum SampleEncoding {
    UNSIGNED_8(1) {
        @Override
        float decode(byte[] bytes, int at) {
            // 8-bit WAV is the one unsigned format: silence is 128.
            return ((bytes[at] & 0xff) - 128) / 128f;
        }
    },
    SIGNED_16(2) {
        @Override
        float decode(byte[] bytes, int at) {
            return Pcm16.level(bytes, at);
        }
    },
    SIGNED_24(3) {
        @Override
        float decode(byte[] bytes, int at) {
            // The top byte is shifted in signed, which sign-extends the 24-bit value.
            int value = (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | bytes[at + 2] << 16;
            return value / 8388608f;
        }
    },
    SIGNED_32(4) {
        @Override
        float decode(byte[] bytes, int at) {
            return (float) (int32(bytes, at) / 2147483648.0);
        }
    },
    FLOAT_32(4) {
        @Override
        float decode(byte[] bytes, int at) {
            return Float.intBitsToFloat(int32(bytes, at));
        }
    },
    FLOAT_64(8) {
        @Override
        float decode(byte[] bytes, int at) {
            long bits = (int32(bytes, at) & 0xffffffffL) | (long) int32(bytes, at + 4) << 32;
            return (float) Double.longBitsToDouble(bits);
        }
    };

    /** Bytes one sample of one channel occupies. */
    final int bytes;

    SampleEncoding(int bytes) {
        this.bytes = bytes;
    }

    abstract float decode(byte[] bytes, int at);

    private static int int32(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | bytes[at + 3] << 24;
    }
}
