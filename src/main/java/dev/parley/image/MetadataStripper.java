package dev.parley.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A PNG or JPEG without what its file says besides its pixels: where, when and with what it was
 * taken (EXIF's GPS position, time and camera serial number, XMP, IPTC), comments and text, which a
 * picture sent as it is would carry to the provider at every turn. Segments and chunks are left out
 * whole; nothing is decoded or re-encoded, so the pixels are exactly the same, in one pass over the
 * bytes. TwelveMonkeys' {@code JPEGSegmentUtil} only reads segments, and knows no PNG.
 *
 * <p>Kept is what the pixels are decoded or coloured with. JPEG: APP0 JFIF, APP2 ICC_PROFILE (the
 * decoder converts the colours by it), APP14 Adobe (its transform says whether the colours are
 * stored as RGB, YCbCr or YCCK), every segment that is not APPn or COM (tables, frame, scans). What
 * follows the end of the image goes too: a phone's multi-picture JPEG appends a second picture there
 * (a depth map, a preview) with EXIF of its own. PNG: the critical chunks (IHDR, PLTE, IDAT, IEND,
 * and any other the format may define: a decoder must not skip one), tRNS, gAMA, cHRM, sRGB, sBIT,
 * cICP, and an iCCP of at most {@link #MAX_PROFILE_BYTES} (both in the file and inflated). A screen's
 * profile (sRGB, Display P3) is a few KB; a bigger one is a printer's lookup tables or padding, and an
 * iCCP is compressed, so a small chunk may inflate to a bomb at the provider. Without it the colours
 * are read as sRGB. APNG's frames (acTL, fcTL, fdAT) go too: the first picture (IDAT) is what was
 * decoded and checked here, as a GIF's first frame is, and no provider animates.
 */
final class MetadataStripper {

    static final int MAX_PROFILE_BYTES = 64 * 1024;
    private static final Set<String> PNG_KEPT = Set.of("tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "cICP");

    private MetadataStripper() {}

    /**
     * {@code bytes} without metadata; the same array when there is none.
     *
     * @throws IllegalArgumentException when the file's structure cannot be walked (a file that
     *     decoded has one), or it is not a PNG or JPEG
     */
    static byte[] strip(ImageType type, byte[] bytes) {
        byte[] stripped = switch (type) {
            case JPEG -> jpeg(bytes);
            case PNG -> png(bytes);
            default -> throw new IllegalArgumentException("no metadata stripping for " + type);
        };
        return stripped.length == bytes.length ? bytes : stripped;
    }

    private static byte[] jpeg(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2); // SOI
        int end = JpegSegments.all(jpeg, segment -> {
            if (keeps(jpeg, segment)) {
                out.write(jpeg, segment.start(), segment.end() - segment.start());
            }
        });
        out.write(jpeg, end - 2, 2); // EOI
        return out.toByteArray();
    }

    private static boolean keeps(byte[] jpeg, JpegSegments.Segment segment) {
        int marker = segment.marker();
        if (marker == 0xFE) { // COM
            return false;
        }
        if (marker < 0xE0 || marker > 0xEF) { // not APPn: needed to decode
            return true;
        }
        return marker == 0xE0 && startsWith(jpeg, segment.payload(), segment.end(), "JFIF\0")
                || marker == 0xE2 && startsWith(jpeg, segment.payload(), segment.end(), "ICC_PROFILE\0")
                || marker == 0xEE && startsWith(jpeg, segment.payload(), segment.end(), "Adobe");
    }

    /** Chunk after chunk (length, type, data, CRC) to IEND; CRCs are copied, not checked, as the JDK's reader does. */
    private static byte[] png(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, 8); // the signature
        int at = 8;
        while (true) {
            if (at + 12 > png.length) {
                throw new IllegalArgumentException("PNG chunk cut short at " + at);
            }
            int length = ((png[at] & 0xFF) << 24) | ((png[at + 1] & 0xFF) << 16) | ((png[at + 2] & 0xFF) << 8)
                    | (png[at + 3] & 0xFF);
            if (length < 0 || length > png.length - at - 12) {
                throw new IllegalArgumentException("PNG chunk of length " + length + " at " + at);
            }
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            int end = at + 12 + length;
            boolean critical = (type.charAt(0) & 0x20) == 0;
            if (critical || PNG_KEPT.contains(type) || type.equals("iCCP") && smallProfile(png, at + 8, length)) {
                out.write(png, at, end - at);
            }
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
            at = end;
        }
    }

    /** An iCCP's data: a name ending in 0, the compression method (0: zlib), the compressed profile. */
    private static boolean smallProfile(byte[] png, int data, int length) {
        if (length > MAX_PROFILE_BYTES) {
            return false;
        }
        int profile = data;
        while (profile < data + length && png[profile] != 0) {
            profile++;
        }
        profile += 2;
        if (profile > data + length) {
            return false;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(png, profile, data + length - profile);
            byte[] sink = new byte[8192];
            long inflated = 0;
            while (!inflater.finished() && inflated <= MAX_PROFILE_BYTES) {
                int count = inflater.inflate(sink);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return false;
                }
                inflated += count;
            }
            return inflater.finished() && inflated <= MAX_PROFILE_BYTES;
        } catch (DataFormatException e) {
            return false;
        } finally {
            inflater.end();
        }
    }

    private static boolean startsWith(byte[] bytes, int from, int end, String prefix) {
        return end - from >= prefix.length()
                && new String(bytes, from, prefix.length(), StandardCharsets.ISO_8859_1).equals(prefix);
    }
}
