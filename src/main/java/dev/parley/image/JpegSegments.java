package dev.parley.image;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The marker segments of a JPEG before its first scan, walked the way the decoder walks them, so a
 * segment read here is the one the decoder reads: fill bytes ({@code 0xFF}) before a marker are
 * skipped, and the markers that stand alone without a length (TEM {@code 0x01}, the restarts
 * {@code 0xD0}–{@code 0xD7}, SOI {@code 0xD8}) are stepped over by two bytes. A walk that took a
 * lone restart marker's next bytes for a length could be steered into a comment holding a fake frame
 * header, and size a picture by it.
 */
final class JpegSegments {

    /** A segment: its marker, and where its payload (after the two length bytes) starts and ends. */
    record Segment(int marker, int payload, int end) {}

    private JpegSegments() {}

    /**
     * The first segment before the first scan that {@code wanted} accepts, or empty when the scan or
     * the end of the image comes first.
     *
     * @throws IllegalArgumentException when a marker is missing where one must be, or a segment ends
     *     past the file (the decoder would call the file damaged too)
     */
    static Optional<Segment> first(byte[] jpeg, Predicate<Segment> wanted) {
        int at = 2; // after SOI
        while (true) {
            if (at + 1 >= jpeg.length || (jpeg[at] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("no marker at " + at);
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) { // a fill byte
                at++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) { // the first scan, or the end of the image
                return Optional.empty();
            }
            if (standsAlone(marker)) {
                at += 2;
                continue;
            }
            if (at + 3 >= jpeg.length) {
                throw new IllegalArgumentException("segment length cut short at " + at);
            }
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > jpeg.length) {
                throw new IllegalArgumentException("segment of length " + length + " at " + at);
            }
            Segment segment = new Segment(marker, at + 4, at + 2 + length);
            if (wanted.test(segment)) {
                return Optional.of(segment);
            }
            at = segment.end();
        }
    }

    private static boolean standsAlone(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
    }
}
