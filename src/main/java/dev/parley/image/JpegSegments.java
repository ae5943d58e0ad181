package dev.parley.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The marker segments of a JPEG, before its first scan or to its end, walked the way the decoder
 * walks them, so a segment read here is the one the decoder reads: fill bytes ({@code 0xFF}) before
 * a marker are skipped, and the markers that stand alone without a length (TEM {@code 0x01}, the restarts
 * {@code 0xD0}–{@code 0xD7}, SOI {@code 0xD8}) are stepped over by two bytes. A walk that took a
 * lone restart marker's next bytes for a length could be steered into a comment holding a fake frame
 * header, and size a picture by it.
 */
final class JpegSegments {

    /**
     * A segment: its marker, and where its payload (after the two length bytes) starts and ends; a
     * scan's (SOS) payload runs on over its coded data.
     */
    record Segment(int marker, int payload, int end) {
        /** Where its marker starts. */
        int start() {
            return payload - 4;
        }
    }

    private JpegSegments() {}

    /**
     * The first segment before the first scan that {@code wanted} accepts, or empty when the scan or
     * the end of the image comes first.
     *
     * @throws IllegalArgumentException when a marker is missing where one must be, or a segment ends
     *     past the file (the decoder would call the file damaged too)
     */
    static Optional<Segment> first(byte[] jpeg, Predicate<Segment> wanted) {
        List<Segment> found = new ArrayList<>(1);
        walk(jpeg, false, segment -> wanted.test(segment) && found.add(segment));
        return found.stream().findFirst();
    }

    /**
     * Every segment to the end of the image, the scans included: a scan's segment (SOS) ends where the
     * coded data after its header does, at the next marker that is not a restart. Returns where the
     * end-of-image marker ends; what follows it (another picture, padding) is not part of the image.
     *
     * @throws IllegalArgumentException as {@link #first} does, and when the image has no end marker
     */
    static int all(byte[] jpeg, Consumer<Segment> each) {
        return walk(jpeg, true, segment -> {
            each.accept(segment);
            return false;
        });
    }

    /**
     * Walks until {@code stop} accepts a segment (then returns -1), or to the first scan unless
     * {@code throughScans} (returns -1), or to the end of the image (returns where its marker ends).
     */
    private static int walk(byte[] jpeg, boolean throughScans, Predicate<Segment> stop) {
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
            if (marker == 0xD9) { // the end of the image
                return throughScans ? at + 2 : -1;
            }
            if (marker == 0xDA && !throughScans) {
                return -1;
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
            int end = marker == 0xDA ? codedDataEnd(jpeg, at + 2 + length) : at + 2 + length;
            if (stop.test(new Segment(marker, at + 4, end))) {
                return -1;
            }
            at = end;
        }
    }

    /**
     * Where a scan's coded data from {@code at} ends: at the first 0xFF that is not followed by 0x00
     * (a coded 0xFF), a restart marker, or another 0xFF (a fill byte before a marker).
     */
    private static int codedDataEnd(byte[] jpeg, int at) {
        for (int i = at; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF) {
                int next = jpeg[i + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
                if (next != 0xFF) {
                    i++;
                }
            }
        }
        throw new IllegalArgumentException("a scan from " + at + " runs to the end of the file");
    }

    private static boolean standsAlone(int marker) {
        return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
    }
}
