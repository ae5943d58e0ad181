package dev.parley.image;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

/**
 * How a JPEG asks to be turned (its EXIF orientation, 1 to 8), and the picture turned that way.
 * Phones store photos sideways with orientation 6 or 8; a re-encoded picture loses that tag, so it
 * is turned upright before it is sent. Read from the APP1 segment's first directory without any
 * library; anything unreadable counts as upright (1).
 */
final class ExifOrientation {

    static final int UPRIGHT = 1;

    private ExifOrientation() {}

    static int of(byte[] jpeg) {
        try {
            return JpegSegments.first(jpeg, segment -> isExif(jpeg, segment))
                    .map(exif -> orientation(jpeg, exif.payload() + 6))
                    .orElse(UPRIGHT);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return UPRIGHT; // a damaged segment: treated as having no orientation
        }
    }

    /** APP1 starting "Exif\0\0", then the TIFF structure; another APP1 (XMP) may come before it. */
    private static boolean isExif(byte[] jpeg, JpegSegments.Segment segment) {
        return segment.marker() == 0xE1 && segment.end() - segment.payload() > 6
                && new String(jpeg, segment.payload(), 4, StandardCharsets.US_ASCII).equals("Exif");
    }

    /** The TIFF structure at {@code tiff}: byte order, then IFD0's entries; tag 0x0112 is the orientation. */
    private static int orientation(byte[] bytes, int tiff) {
        boolean bigEndian = bytes[tiff] == 'M';
        int directory = tiff + (int) u32(bytes, tiff + 4, bigEndian);
        int entries = u16(bytes, directory, bigEndian);
        for (int i = 0; i < entries; i++) {
            int entry = directory + 2 + 12 * i;
            if (u16(bytes, entry, bigEndian) == 0x0112) {
                int value = u16(bytes, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    /** {@code image} as orientation {@code orientation} says it should be seen. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        double w = image.getWidth();
        double h = image.getHeight();
        // (m00, m10, m01, m11, m02, m12): x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // turn 90° clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);   // turn 90° counter-clockwise
            default -> null;
        };
        if (turn == null) {
            return image;
        }
        boolean swapped = orientation >= 5;
        BufferedImage turned = new BufferedImage(swapped ? image.getHeight() : image.getWidth(),
                swapped ? image.getWidth() : image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = turned.createGraphics();
        try {
            graphics.drawImage(image, turn, null);
        } finally {
            graphics.dispose();
        }
        return turned;
    }

    private static int u16(byte[] bytes, int at, boolean bigEndian) {
        int a = bytes[at] & 0xFF;
        int b = bytes[at + 1] & 0xFF;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    private static long u32(byte[] bytes, int at, boolean bigEndian) {
        long high = u16(bytes, bigEndian ? at : at + 2, bigEndian);
        long low = u16(bytes, bigEndian ? at + 2 : at, bigEndian);
        return (high << 16) | low;
    }
}
