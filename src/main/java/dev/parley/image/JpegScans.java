package dev.parley.image;

/**
 * Counts the scans of a JPEG without decoding it. The JDK's decoder goes over every pixel once per
 * scan of a progressive JPEG, and cannot be stopped while it does: a 725 KB file repeating one scan
 * 2,000 times over 49 megapixels kept a core busy for 8 minutes. An ordinary JPEG has one scan (three
 * when its colours are stored apart), a progressive one about ten.
 */
final class JpegScans {

    private JpegScans() {}

    /**
     * Every start-of-scan marker (0xFF 0xDA) in {@code bytes}, wherever it stands: an upper bound that
     * no marker trick lowers. A walk from segment to segment is not: the decoder skips markers without
     * a length and stray bytes that would throw a walk off. Coded data never holds the pair (an 0xFF
     * there is followed by 0x00 or a restart marker); metadata may, by chance or in an embedded
     * thumbnail, which only counts a scan or two too many.
     */
    static int count(byte[] bytes) {
        int scans = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == (byte) 0xFF && bytes[i + 1] == (byte) 0xDA) {
                scans++;
            }
        }
        return scans;
    }
}
