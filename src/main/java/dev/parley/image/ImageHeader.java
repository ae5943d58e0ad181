package dev.parley.image;

import java.nio.charset.StandardCharsets;

/**
 * The width and height an image declares in its header, read from the first bytes without decoding
 * any pixel: how a decompression bomb (a small file declaring a gigantic picture) is refused before
 * it can take memory or time. Each format keeps its size in a different place; a header that ends
 * too soon or says zero is refused.
 */
record ImageHeader(ImageType type, int width, int height) {

    long pixels() {
        return (long) width * height;
    }

    int longestSide() {
        return Math.max(width, height);
    }

    /** @throws ImageException when the header is cut short, damaged or declares no pixels */
    static ImageHeader read(ImageType type, byte[] bytes, String source) {
        try {
            ImageHeader header = switch (type) {
                case PNG -> png(bytes);
                // The logical screen: little-endian 16-bit width and height after "GIF89a".
                case GIF -> new ImageHeader(type, littleEndian(bytes, 6, 2), littleEndian(bytes, 8, 2));
                case JPEG -> jpeg(bytes);
                case WEBP -> webp(bytes);
            };
            if (header.width <= 0 || header.height <= 0) {
                throw new ImageException(source + " declares an empty picture (" + header.width + " × "
                        + header.height + " pixels).");
            }
            return header;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) { // a String's too: a WebP cut short
            throw new ImageException(source + " is not a readable " + type + " image: its header is cut short or"
                    + " damaged.", e);
        }
    }

    /** IHDR must be the first chunk: width and height as big-endian ints at 16 and 20. */
    private static ImageHeader png(byte[] bytes) {
        if (!"IHDR".equals(new String(bytes, 12, 4, StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("the first chunk is not IHDR");
        }
        return new ImageHeader(ImageType.PNG, bigEndian32(bytes, 16), bigEndian32(bytes, 20));
    }

    /** The first start-of-frame segment, walked to as the decoder walks: precision, height, width. */
    private static ImageHeader jpeg(byte[] bytes) {
        JpegSegments.Segment frame = JpegSegments.first(bytes, segment -> isStartOfFrame(segment.marker()))
                .orElseThrow(() -> new IllegalArgumentException("no frame header"));
        if (frame.end() - frame.payload() < 5) {
            throw new IllegalArgumentException("frame header cut short");
        }
        return new ImageHeader(ImageType.JPEG, bigEndian16(bytes, frame.payload() + 3),
                bigEndian16(bytes, frame.payload() + 1));
    }

    /** SOF0–SOF15 but for DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** RIFF, then one of three chunk kinds: lossy VP8, lossless VP8L, or extended VP8X (with a canvas size). */
    private static ImageHeader webp(byte[] bytes) {
        String chunk = new String(bytes, 12, 4, StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> new ImageHeader(ImageType.WEBP, littleEndian(bytes, 26, 2) & 0x3FFF,
                    littleEndian(bytes, 28, 2) & 0x3FFF);
            case "VP8L" -> {
                int bits = littleEndian(bytes, 21, 4);
                yield new ImageHeader(ImageType.WEBP, (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> new ImageHeader(ImageType.WEBP, littleEndian(bytes, 24, 3) + 1,
                    littleEndian(bytes, 27, 3) + 1);
            default -> throw new IllegalArgumentException("unknown WebP chunk " + chunk);
        };
    }

    private static int bigEndian32(byte[] bytes, int at) {
        long value = ((long) (bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16)
                | ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
        return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }

    private static int bigEndian16(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private static int littleEndian(byte[] bytes, int at, int count) {
        int value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
