package dev.parley.image;

/**
 * Counts the scans of a JPEG without decoding it. The JDK's decoder goes over every pixel once per
 * scan of a progressive JPEG, and cannot be stopped while it does: a 700 KB file repeating one scan
 * 2,000 times over 49 megapixels kept a core busy for 8 minutes. An ordinary JPEG has one scan (three
 * when its colours are stored apart), a progressive one about ten.
 */
final class JpegScans {

    private static final int START_OF_SCAN = 0xDA;
    private static final int END_OF_IMAGE = 0xD9;

    private JpegScans() {}

    /** The start-of-scan markers in {@code bytes}, walking segment by segment: one pass, no pixel decoded. */
    static int count(byte[] bytes) {
        int scans = 0;
        int at = 2; // after the start-of-image marker
        while (at + 1 < bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                return scans; // damaged: the decoder will say so
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xFF) { // a fill byte before a marker
                at++;
                continue;
            }
            if (marker == END_OF_IMAGE || at + 3 >= bytes.length) {
                return scans;
            }
            at += 2 + (((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF)); // the segment's length
            if (marker == START_OF_SCAN) {
                scans++;
                at = endOfEntropyData(bytes, at);
            }
        }
        return scans;
    }

    /**
     * Where a scan's coded data ends: at the next marker, as an 0xFF in the data is followed by a 0x00
     * (a stuffed byte) or a restart marker (0xD0–0xD7), which both belong to the scan.
     */
    private static int endOfEntropyData(byte[] bytes, int at) {
        for (int i = Math.max(at, 0); i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF) {
                int next = bytes[i + 1] & 0xFF;
                if (next != 0x00 && (next < 0xD0 || next > 0xD7) && next != 0xFF) {
                    return i;
                }
            }
        }
        return bytes.length;
    }
}
