package dev.parley.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.TestImages;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A picture shown to the model goes without what its file says about where, when and with what it
 * was taken (EXIF, XMP, IPTC, comments, PNG text), and with exactly the pixels it had.
 */
class ImageMetadataTest {

    private final ImagePreparer preparer = new ImagePreparer(ImagePreparer.DEFAULT_MAX_SIDE);

    @Test
    void aPhotosPositionSerialNumberAndCommentsAreNotSentButItsColourProfileIs() {
        byte[] photo = TestImages.photoWithMetadata(640, 480);

        TurnImage sent = preparer.prepare(photo, "photo.jpg");

        assertThat(sent.type()).isEqualTo(ImageType.JPEG);
        assertHoldsNoPrivateWords(sent.bytes());
        assertThat(text(sent.bytes())).as("the ICC profile colours the pixels").contains("ICC_PROFILE");
        assertThat(sent.size()).as("nothing re-encoded: only segments left out").isLessThan(photo.length)
                .isGreaterThan(TestImages.jpeg(640, 480).length);
        assertSamePixels(photo, sent.bytes());
    }

    @Test
    void theColourProfileMattersToThePixels() {
        byte[] plain = TestImages.jpeg(64, 48);
        byte[] profiled = TestImages.withSegment(plain, 0xE2, payload(TestImages.iccSegment(ColorSpace.CS_LINEAR_RGB)));

        assertThat(differs(plain, profiled)).as("else keeping it proves nothing").isTrue();
        assertSamePixels(profiled, preparer.prepare(profiled, "p.jpg").bytes());
    }

    /** Adobe's segment says how colours are stored (here RGB, not YCbCr): without it they read wrong. */
    @Test
    void anAdobeSegmentThatSaysHowColoursAreStoredIsKept() {
        byte[] plain = TestImages.withoutJfif(TestImages.jpeg(64, 48));
        byte[] adobe = TestImages.withSegment(TestImages.withSegment(plain, 0xFE, "COMMENT-by-camera".getBytes()), 0xEE,
                HexFormat.of().parseHex("41646f626500640000000000")); // "Adobe", version 100, flags, transform 0

        TurnImage sent = preparer.prepare(adobe, "adobe.jpg");

        assertThat(differs(plain, adobe)).as("else keeping it proves nothing").isTrue();
        assertHoldsNoPrivateWords(sent.bytes());
        assertThat(text(sent.bytes())).contains("Adobe");
        assertSamePixels(adobe, sent.bytes());
    }

    @Test
    void aProgressiveJpegKeepsEveryScan() {
        byte[] progressive = TestImages.withSegment(TestImages.progressiveJpeg(320, 200), 0xFE,
                "COMMENT-by-camera".getBytes());

        TurnImage sent = preparer.prepare(progressive, "p.jpg");

        assertHoldsNoPrivateWords(sent.bytes());
        assertThat(JpegScans.count(sent.bytes())).isEqualTo(10);
        assertSamePixels(progressive, sent.bytes());
    }

    /** Restart markers stand in the coded data: the walk must not take one for the scan's end. */
    @Test
    void aJpegWithRestartMarkersKeepsItsCodedDataWhole() {
        byte[] plain = TestImages.jpegWithRestarts(320, 200, 2);
        assertThat(text(plain)).as("restart markers in the coded data").contains("\u00FF\u00D0", "\u00FF\u00D7");
        byte[] commented = TestImages.withSegment(plain, 0xFE, "COMMENT-by-camera".getBytes());

        TurnImage sent = preparer.prepare(commented, "r.jpg");

        assertThat(sent.bytes()).isEqualTo(plain);
    }

    /** A PNG that decodes but has no IEND cannot be walked to its end: it is re-encoded, so nothing else goes. */
    @Test
    void aPngThatCannotBeWalkedIsReEncodedNotSentAsItIs() {
        byte[] png = TestImages.pngWithMetadata(30, 20);
        byte[] withoutEnd = java.util.Arrays.copyOf(png, new String(png, StandardCharsets.ISO_8859_1).lastIndexOf("IEND") - 4);

        TurnImage sent = preparer.prepare(withoutEnd, "cut.png");

        assertHoldsNoPrivateWords(sent.bytes());
        assertThat(text(sent.bytes())).doesNotContain("iCCP", "gAMA");
        assertSamePixels(png, sent.bytes());
    }

    @Test
    void aPngsTextChunksAreNotSentButWhatColoursItsPixelsIs() {
        byte[] png = TestImages.pngWithMetadata(300, 200);

        TurnImage sent = preparer.prepare(png, "shot.png");

        assertThat(sent.type()).isEqualTo(ImageType.PNG);
        assertHoldsNoPrivateWords(sent.bytes());
        assertThat(text(sent.bytes())).contains("IHDR", "iCCP", "gAMA", "IDAT", "IEND");
        assertThat(text(sent.bytes())).as("nothing after the end").endsWith("IEND\u00AEB`\u0082");
        assertSamePixels(png, sent.bytes());
    }

    @Test
    void aPalettePngKeepsItsPaletteAndTransparency() {
        byte[] png = TestImages.palettePngWithTransparency(40, 30);
        assertThat(text(png)).contains("PLTE", "tRNS");

        TurnImage sent = preparer.prepare(png, "icon.png");

        assertHoldsNoPrivateWords(sent.bytes());
        assertThat(text(sent.bytes())).contains("PLTE", "tRNS");
        assertSamePixels(png, sent.bytes());
    }

    /** A zTXt of 4 MB of zeros is a few KB: a small PNG that would be sent, and saved, every turn. */
    @Test
    void aTextBombInASmallPngIsNotSent() {
        byte[] png = TestImages.png(32, 32);
        java.io.ByteArrayOutputStream zeros = new java.io.ByteArrayOutputStream();
        try (var deflater = new java.util.zip.DeflaterOutputStream(zeros)) {
            deflater.write(new byte[4 * 1024 * 1024]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] bomb = TestImages.chunk("zTXt", concat("Comment\0\0".getBytes(), zeros.toByteArray()));
        byte[] withBomb = concat(java.util.Arrays.copyOf(png, 33), bomb, java.util.Arrays.copyOfRange(png, 33, png.length));

        assertThat(preparer.prepare(withBomb, "bomb.png").bytes()).isEqualTo(png);
    }

    @Test
    void aPictureWithoutMetadataIsSentByteForByte() {
        byte[] png = TestImages.png(64, 64);
        byte[] jpeg = TestImages.jpeg(64, 64);

        assertThat(preparer.prepare(png, "a.png").bytes()).isEqualTo(png);
        assertThat(preparer.prepare(jpeg, "a.jpg").bytes()).isEqualTo(jpeg);
    }

    /** Saved with a conversation by an earlier version: what goes at the next turn is stripped. */
    @Test
    void aSavedPictureWithMetadataIsSentWithout() {
        TurnImage savedPhoto = new TurnImage(ImageType.JPEG, TestImages.photoWithMetadata(200, 100));
        TurnImage savedPng = new TurnImage(ImageType.PNG, TestImages.pngWithMetadata(20, 10));

        TurnImage photo = ImagePreparer.asSentNow(savedPhoto, "saved.jpg");
        TurnImage png = ImagePreparer.asSentNow(savedPng, "saved.png");

        assertHoldsNoPrivateWords(photo.bytes());
        assertSamePixels(savedPhoto.bytes(), photo.bytes());
        assertHoldsNoPrivateWords(png.bytes());
        assertSamePixels(savedPng.bytes(), png.bytes());
        TurnImage clean = new TurnImage(ImageType.PNG, TestImages.png(20, 10));
        assertThat(ImagePreparer.asSentNow(clean, "clean.png")).isEqualTo(clean);
    }

    /** A saved JPEG stored sideways (never sent so by Parley, but put there) is turned, not stripped of its turn. */
    @Test
    void aSavedSidewaysJpegIsTurnedUprightNotJustStripped() {
        TurnImage sideways = new TurnImage(ImageType.JPEG, TestImages.jpegWithOrientation(60, 40, 6));

        BufferedImage sent = TestImages.decode(ImagePreparer.asSentNow(sideways, "s.jpg").bytes());

        assertThat(sent.getWidth()).isEqualTo(40);
        assertThat(sent.getHeight()).isEqualTo(60);
    }

    private static void assertHoldsNoPrivateWords(byte[] sent) {
        String text = text(sent);
        for (String word : TestImages.PRIVATE_WORDS) {
            assertThat(text).as("sent without " + word).doesNotContain(word);
        }
        assertThat(text).doesNotContain("Exif", "tEXt", "zTXt", "iTXt");
    }

    private static void assertSamePixels(byte[] expected, byte[] actual) {
        BufferedImage before = TestImages.decode(expected);
        BufferedImage after = TestImages.decode(actual);
        assertThat(after.getWidth()).isEqualTo(before.getWidth());
        assertThat(after.getHeight()).isEqualTo(before.getHeight());
        for (int y = 0; y < before.getHeight(); y++) {
            for (int x = 0; x < before.getWidth(); x++) {
                if (before.getRGB(x, y) != after.getRGB(x, y)) {
                    throw new AssertionError(String.format("pixel (%d, %d): %08x before, %08x after", x, y,
                            before.getRGB(x, y), after.getRGB(x, y)));
                }
            }
        }
    }

    private static boolean differs(byte[] one, byte[] other) {
        try {
            assertSamePixels(one, other);
            return false;
        } catch (AssertionError e) {
            return true;
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A segment's payload: what follows its marker and length. */
    private static byte[] payload(byte[] segment) {
        return java.util.Arrays.copyOfRange(segment, 4, segment.length);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
