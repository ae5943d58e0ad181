package dev.parley.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** What a WAV file's {@code fmt } chunk says about its samples, limited to what Parley can decode. */
record WavFormat(SampleEncoding encoding, int channels, int sampleRate) {

    private static final int PCM = 0x0001;
    private static final int IEEE_FLOAT = 0x0003;
    private static final int EXTENSIBLE = 0xFFFE;
    /** Bytes 2..15 of every standard KSDATAFORMAT_SUBTYPE GUID; bytes 0..1 hold the format code. */
    private static final byte[] SUBTYPE_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71
    };

    int frameBytes() {
        return encoding.bytes * channels;
    }

    /** Parses the body of a {@code fmt } chunk of {@code name}. */
    static WavFormat parse(byte[] file, int offset, int length, String name) throws AudioFormatException {
        if (length < 16) {
            throw new AudioFormatException(name + " has a " + length + "-byte 'fmt ' chunk, too short to describe"
                    + " its audio (at least 16 bytes); the header is damaged, export the recording again");
        }
        ByteBuffer fmt = ByteBuffer.wrap(file, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
        int formatCode = fmt.getShort(0) & 0xffff;
        int channels = fmt.getShort(2) & 0xffff;
        long sampleRate = fmt.getInt(4) & 0xffffffffL;
        int blockAlign = fmt.getShort(12) & 0xffff;
        int bitsPerSample = fmt.getShort(14) & 0xffff;

        if (formatCode == EXTENSIBLE) {
            formatCode = extensibleSubFormat(fmt, length, name);
        }
        if (formatCode != PCM && formatCode != IEEE_FLOAT) {
            throw new AudioFormatException(name + " is " + compressionName(formatCode) + " (WAV format code 0x"
                    + String.format("%04X", formatCode) + "), which Parley cannot decode; convert it to plain PCM"
                    + " with: " + ConversionHint.toPcm(name));
        }
        if (channels == 0) {
            throw new AudioFormatException(name + " declares 0 audio channels, so it holds no usable audio;"
                    + " the header is damaged, export the recording again");
        }
        if (sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
            throw new AudioFormatException(name + " declares a sample rate of " + sampleRate
                    + " Hz; the header is damaged, export the recording again");
        }
        SampleEncoding encoding = encoding(formatCode, bitsPerSample, name);
        // A block align that disagrees with channels x sample size would make us decode garbage silently.
        if (blockAlign != 0 && blockAlign != encoding.bytes * channels) {
            throw new AudioFormatException(name + " declares " + blockAlign + "-byte frames, but " + channels
                    + " channel(s) of " + bitsPerSample + "-bit samples take " + encoding.bytes * channels
                    + " bytes; the header is inconsistent, convert it with: "
                    + ConversionHint.toPcm(name));
        }
        return new WavFormat(encoding, channels, (int) sampleRate);
    }

    private static int extensibleSubFormat(ByteBuffer fmt, int length, String name) throws AudioFormatException {
        // cbSize(2) validBits(2) channelMask(4) subFormat GUID(16) follow the 16 basic bytes.
        if (length < 40) {
            throw new AudioFormatException(name + " says it uses WAVE_FORMAT_EXTENSIBLE but its 'fmt ' chunk is "
                    + length + " bytes instead of 40; the header is damaged, export the recording again");
        }
        for (int i = 0; i < SUBTYPE_GUID_TAIL.length; i++) {
            if (fmt.get(26 + i) != SUBTYPE_GUID_TAIL[i]) {
                throw new AudioFormatException(name + " uses a non-standard WAVE_FORMAT_EXTENSIBLE sub-format"
                        + " (for example Ambisonics), which Parley cannot decode; convert it with: "
                        + ConversionHint.toPcm(name));
            }
        }
        return fmt.getShort(24) & 0xffff;
    }

    private static SampleEncoding encoding(int formatCode, int bitsPerSample, String name) throws AudioFormatException {
        SampleEncoding encoding = formatCode == IEEE_FLOAT
                ? switch (bitsPerSample) {
                    case 32 -> SampleEncoding.FLOAT_32;
                    case 64 -> SampleEncoding.FLOAT_64;
                    default -> null;
                }
                // Odd widths such as 12 or 20 bits are stored left-justified in whole bytes, so the
                // container size decides the decoding.
                : switch ((bitsPerSample + 7) / 8) {
                    case 1 -> SampleEncoding.UNSIGNED_8;
                    case 2 -> SampleEncoding.SIGNED_16;
                    case 3 -> SampleEncoding.SIGNED_24;
                    case 4 -> SampleEncoding.SIGNED_32;
                    default -> null;
                };
        if (encoding == null) {
            throw new AudioFormatException(name + " has " + bitsPerSample + "-bit "
                    + (formatCode == IEEE_FLOAT ? "float" : "integer") + " samples, which Parley cannot decode"
                    + " (it reads 8/16/24/32-bit integer and 32/64-bit float PCM); convert it with: "
                    + ConversionHint.toPcm(name));
        }
        return encoding;
    }

    private static String compressionName(int formatCode) {
        return switch (formatCode) {
            case 0x0002 -> "Microsoft ADPCM compressed";
            case 0x0006 -> "A-law compressed";
            case 0x0007 -> "\u03bc-law compressed";
            case 0x0011 -> "IMA ADPCM compressed";
            case 0x0031 -> "GSM 6.10 compressed";
            case 0x0050 -> "MPEG audio compressed";
            case 0x0055 -> "MP3 compressed";
            case 0x0160, 0x0161, 0x0162, 0x0163 -> "Windows Media Audio compressed";
            case 0x00FF, 0x1610 -> "AAC compressed";
            case 0xF1AC -> "FLAC compressed";
            default -> "in an unknown or compressed encoding";
        };
    }
}
