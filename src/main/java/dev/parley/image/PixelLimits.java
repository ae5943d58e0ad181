package dev.parley.image;

import java.util.Locale;

/**
 * How large a picture Parley decodes at all, checked from its header before any pixel is decoded and
 * again as the decoder sees it: beyond these, decoding takes more memory or time than a desktop
 * assistant should spend on one picture, whatever the file's size on disk.
 */
public final class PixelLimits {

    /** The most pixels a picture may have: 50 megapixels, more than most phone cameras take. */
    static final long MAX_PIXELS = 50_000_000L;
    /**
     * The longest side read at all, JPEG's own limit: the PNG decoder holds two whole rows however much
     * it subsamples, so a 49,000,000 × 1 strip within {@link #MAX_PIXELS} took 700 MB to decode.
     */
    static final int MAX_SIDE_PIXELS = 65_535;
    /**
     * The most scans times pixels of a JPEG decoded (about 7 s on a 2-core laptop): a progressive 50
     * megapixel photo of ten scans fits, and a 100-scan one of 10 megapixels.
     */
    static final long MAX_SCAN_PIXELS = 20 * MAX_PIXELS;

    private PixelLimits() {}

    /**
     * Refuses a picture given as pixels (pasted, a screenshot) of this size, before its pixels are
     * read: a pasted picture of billions of pixels would need their array first.
     */
    public static void refuseGiven(int width, int height, String source) {
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
            throw new ImageException(source + " is " + width + " × " + height + " pixels; images may have at most "
                    + MAX_PIXELS / 1_000_000 + " megapixels.");
        }
    }

    /** Refuses a picture file whose header or decoder says it has this size. */
    static void refuse(int width, int height, String source) {
        if ((long) width * height > MAX_PIXELS) {
            throw new ImageException(source + " is " + width + " × " + height + " pixels; images may have at most "
                    + MAX_PIXELS / 1_000_000 + " megapixels. Scale it down first.");
        }
        if (Math.max(width, height) > MAX_SIDE_PIXELS) {
            throw new ImageException(String.format(Locale.ROOT, "%s is %d × %d pixels; a side may have at most"
                    + " %,d pixels. Crop it first.", source, width, height, MAX_SIDE_PIXELS));
        }
    }

    /**
     * The JDK's decoder goes over every pixel once per scan and cannot be stopped ({@link JpegScans}):
     * judged by the size the decoder itself read, which no marker trick in the file can make differ.
     */
    static void refuseTooManyScans(byte[] jpeg, int width, int height, String source) {
        int scans = JpegScans.count(jpeg);
        if (scans * (long) width * height > MAX_SCAN_PIXELS) {
            throw new ImageException(source + " is a JPEG stored in " + scans + " passes over " + width + " × " + height
                    + " pixels, which would take too long to decode. Save it again as an ordinary (baseline) JPEG"
                    + " or as a PNG.");
        }
    }
}
