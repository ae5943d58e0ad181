package dev.parley.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImagePreparerTest {

    private final ImagePreparer preparer = new ImagePreparer(ImagePreparer.DEFAULT_MAX_SIDE);

    @Test
    void aDeviceThatNeverEndsIsRefusedAfterTheLimitNotReadWhole() {
        Path endless = Path.of("/dev/zero"); // size 0 to Files.size, endless to a reader

        assertThat(endless).exists();
        assertThatThrownBy(() -> preparer.read(endless)).isInstanceOf(ImageException.class)
                .hasMessage("/dev/zero has more than 20 MB; an image may have at most 20 MB.");
    }

    @Test
    void aSmallPictureIsSentAsItIs() {
        byte[] png = TestImages.png(640, 480);

        TurnImage image = preparer.prepare(png, "shot.png");

        assertThat(image.type()).isEqualTo(ImageType.PNG);
        assertThat(image.bytes()).isEqualTo(png);
        assertThat(image.fileName()).matches("[0-9a-f]{24}\\.png");
    }

    @Test
    void aWidePngIsScaledToTheLongestSideAndStaysPng() {
        assertSent(preparer.prepare(TestImages.png(3000, 1000), "wide.png"), ImageType.PNG, 1568, 523);
    }

    @Test
    void aTallJpegIsScaledAndStaysJpeg() {
        assertSent(new ImagePreparer(800).prepare(TestImages.jpeg(1500, 4000), "tall.jpg"), ImageType.JPEG, 300, 800);
    }

    @Test
    void aLargeGifBecomesAPng() {
        TurnImage image = preparer.prepare(TestImages.gif(2000, 100), "banner.gif");

        assertThat(image.type()).isEqualTo(ImageType.PNG);
        assertThat(TestImages.decode(image.bytes()).getWidth()).isEqualTo(1568);
    }

    /** Gemini takes no GIF and OpenAI no animated one: the first frame goes, as a PNG. */
    @Test
    void aSmallGifBecomesAPngOfTheSameSize() {
        assertSent(preparer.prepare(TestImages.gif(100, 80), "small.gif"), ImageType.PNG, 100, 80);
    }

    /** Within the longest side, but larger than a provider takes (Anthropic: 5 MB): sent re-encoded. */
    @Test
    void aPictureWithinTheSideButTooManyBytesIsReEncodedSmallEnough() {
        byte[] noise = TestImages.noisyPng(1400, 1400);
        assertThat(noise.length).isGreaterThan(ImagePreparer.MAX_SENT_BYTES);

        TurnImage image = preparer.prepare(noise, "noise.png");

        assertThat(image.type()).isEqualTo(ImageType.JPEG);
        assertThat(image.bytes().length).isLessThanOrEqualTo(ImagePreparer.MAX_SENT_BYTES);
        assertThat(TestImages.decode(image.bytes()).getWidth()).isEqualTo(1400);
    }

    /** With a large llm.images.max-side, even the JPEG of a picture within it may be too large to send. */
    @Test
    void aPictureStillTooLargeAtItsSizeIsMadeSmallerUntilItFits() {
        TurnImage image = new ImagePreparer(4000).prepare(TestImages.noisyPng(2600, 2600), "noise.png");

        assertThat(image.type()).isEqualTo(ImageType.JPEG);
        assertThat(image.bytes().length).isLessThanOrEqualTo(ImagePreparer.MAX_SENT_BYTES);
        assertThat(TestImages.decode(image.bytes()).getWidth()).isBetween(1000, 2599);
    }

    @Test
    void jpegScansAreCountedWithoutDecoding() {
        assertThat(JpegScans.count(TestImages.jpeg(64, 48))).isEqualTo(1);
        assertThat(JpegScans.count(TestImages.progressiveJpeg(64, 48))).isEqualTo(10);
        assertThat(JpegScans.count(TestImages.withLastScanRepeated(TestImages.progressiveJpeg(64, 48), 5)))
                .isEqualTo(15);
    }

    @Test
    void anOrdinaryProgressiveJpegIsDecoded() {
        TurnImage image = preparer.prepare(TestImages.progressiveJpeg(2000, 1500), "progressive.jpg");

        assertThat(TestImages.decode(image.bytes()).getWidth()).isEqualTo(1568);
    }

    /** Markers the decoder skips without a word must not hide the scans behind them. */
    @ParameterizedTest
    @CsvSource({"FF01", "FFD3", "00", "FFFFFF"})
    void bytesTheDecoderSkipsDoNotHideScans(String inserted) {
        byte[] jpeg = TestImages.withLastScanRepeated(TestImages.progressiveJpeg(64, 48), 5);
        byte[] extra = java.util.HexFormat.of().parseHex(inserted);
        int afterFirstSegment = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF)); // SOI, then APP0
        byte[] tricked = new byte[jpeg.length + extra.length];
        System.arraycopy(jpeg, 0, tricked, 0, afterFirstSegment);
        System.arraycopy(extra, 0, tricked, afterFirstSegment, extra.length);
        System.arraycopy(jpeg, afterFirstSegment, tricked, afterFirstSegment + extra.length,
                jpeg.length - afterFirstSegment);

        assertThat(JpegScans.count(tricked)).isEqualTo(15);
    }

    /** The JDK's decoder cannot be stopped while it goes over the picture once per scan. */
    @Test
    void aJpegOfTooManyScansForItsSizeIsRefusedBeforeDecoding() {
        byte[] scans = TestImages.withLastScanRepeated(TestImages.progressiveJpeg(4000, 3000), 90);

        assertThatThrownBy(() -> preparer.prepare(scans, "scans.jpg")).isInstanceOf(ImageException.class)
                .hasMessage("scans.jpg is a JPEG stored in 100 passes over 4000 × 3000 pixels, which would take too"
                        + " long to decode. Save it again as an ordinary (baseline) JPEG or as a PNG.");
    }

    @Test
    void theFileOnDiskIsNeverChanged(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("big.png");
        byte[] original = TestImages.png(4000, 3000);
        Files.write(file, original);
        FileTime before = Files.getLastModifiedTime(file);

        TurnImage image = preparer.read(file);

        assertThat(image.size()).isLessThan(original.length);
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
        try (var files = Files.list(folder)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void aPhotoStoredSidewaysIsTurnedUpright() {
        BufferedImage sent = assertSent(preparer.prepare(TestImages.jpegWithOrientation(600, 400, 6), "phone.jpg"),
                ImageType.JPEG, 400, 600);
        // Turned 90° clockwise: the red top-left quarter is now the top-right one.
        assertThat(new java.awt.Color(sent.getRGB(350, 50)).getRed()).isGreaterThan(200);
        assertThat(new java.awt.Color(sent.getRGB(350, 50)).getGreen()).isLessThan(60);
        assertThat(new java.awt.Color(sent.getRGB(50, 50)).getGreen()).isGreaterThan(200);
    }

    /** The stored picture's red top-left quarter, after each orientation's turn, is in this corner. */
    @ParameterizedTest
    @CsvSource({"1, top-left", "2, top-right", "3, bottom-right", "4, bottom-left", "5, top-left", "6, top-right",
            "7, bottom-right", "8, bottom-left"})
    void everyExifOrientationIsTurnedUpright(int orientation, String corner) {
        BufferedImage sent = TestImages.decode(preparer.prepare(TestImages.jpegWithOrientation(600, 400, orientation),
                "o.jpg").bytes());

        assertThat(sent.getWidth()).isEqualTo(orientation >= 5 ? 400 : 600);
        int x = corner.endsWith("left") ? 20 : sent.getWidth() - 20;
        int y = corner.startsWith("top") ? 20 : sent.getHeight() - 20;
        assertThat(new java.awt.Color(sent.getRGB(x, y)).getGreen()).as(corner).isLessThan(60);
    }

    @Test
    void anUprightJpegIsSentWithoutItsExifNotReEncoded() {
        byte[] jpeg = TestImages.jpegWithOrientation(600, 400, 1);
        byte[] withoutExif = new byte[jpeg.length - 36]; // the EXIF segment is 36 bytes after the start
        System.arraycopy(jpeg, 0, withoutExif, 0, 2);
        System.arraycopy(jpeg, 38, withoutExif, 2, jpeg.length - 38);

        assertThat(preparer.prepare(jpeg, "upright.jpg").bytes()).isEqualTo(withoutExif);
    }

    /** A WebP's canvas may differ from the picture it holds: what goes is what was decoded here. */
    @Test
    void aSmallWebpGoesAsThePngOfWhatWasDecoded() {
        TurnImage image = preparer.prepare(TestImages.TINY_WEBP, "tiny.webp");

        assertThat(image.type()).isEqualTo(ImageType.PNG);
        assertThat(image.mediaType()).isEqualTo("image/png");
        BufferedImage sent = TestImages.decode(image.bytes());
        assertThat(sent.getWidth()).isEqualTo(TestImages.decode(TestImages.TINY_WEBP).getWidth());
    }

    @ParameterizedTest
    @CsvSource({"gradient-400x300-lossy.webp", "gradient-400x300-lossless.webp"})
    void aWebpLargerThanTheLimitIsScaledAndBecomesAPng(String name) throws Exception {
        byte[] webp = webpFixture(name);

        BufferedImage sent = assertSent(new ImagePreparer(100).prepare(webp, name), ImageType.PNG, 100, 75);
        // The gradient survives: red grows from left to right (the fixture's red channel is x).
        assertThat(red(sent.getRGB(90, 40))).isGreaterThan(red(sent.getRGB(10, 40)) + 150);
    }

    @Test
    void aWebpWithinTheLimitGoesAsAPngOfItsSize() throws Exception {
        byte[] webp = webpFixture("gradient-400x300-lossy.webp");

        BufferedImage sent = assertSent(preparer.prepare(webp, "photo.webp"), ImageType.PNG, 400, 300);
        assertThat(red(sent.getRGB(390, 150))).isGreaterThan(red(sent.getRGB(10, 150)) + 150);
    }

    @Test
    void aWebpCutShortIsRefusedAsDamaged() throws Exception {
        byte[] webp = webpFixture("gradient-400x300-lossy.webp");

        assertThatThrownBy(() -> preparer.prepare(Arrays.copyOf(webp, webp.length / 2), "cut.webp"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("cut.webp is damaged or cut short");
    }

    private static byte[] webpFixture(String name) throws Exception {
        try (var in = ImagePreparerTest.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        }
    }

    /** What was sent: its type and its size as decoded; the decoded picture for more checks. */
    private static BufferedImage assertSent(TurnImage image, ImageType type, int width, int height) {
        BufferedImage sent = TestImages.decode(image.bytes());
        assertThat(image.type()).isEqualTo(type);
        assertThat(sent.getWidth()).isEqualTo(width);
        assertThat(sent.getHeight()).isEqualTo(height);
        return sent;
    }

    private static int red(int argb) {
        return (argb >> 16) & 0xFF;
    }

    @Test
    void textIsNotAnImage() {
        assertThatThrownBy(() -> preparer.prepare("hello, world".getBytes(StandardCharsets.UTF_8), "notes.png"))
                .isInstanceOf(ImageException.class)
                .hasMessage("notes.png is not an image Parley can send: it must be a PNG, JPEG, WebP or GIF file.");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> preparer.prepare(new byte[0], "empty.png"))
                .isInstanceOf(ImageException.class).hasMessage("empty.png is empty (0 bytes), not an image.");
    }

    @Test
    void aPictureWithoutPixelsIsRefused() {
        assertThatThrownBy(() -> preparer.prepare(TestImages.pngHeader(0, 100), "zero.png"))
                .isInstanceOf(ImageException.class).hasMessageContaining("declares an empty picture (0 × 100 pixels)");
    }

    @Test
    void aHeaderCutShortIsRefused() {
        byte[] start = Arrays.copyOf(TestImages.png(10, 10), 12);

        assertThatThrownBy(() -> preparer.prepare(start, "cut.png"))
                .isInstanceOf(ImageException.class).hasMessageContaining("header is cut short or damaged");
    }

    @Test
    void aGiganticDeclaredSizeIsRefusedFromTheHeaderAlone() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> preparer.prepare(TestImages.pngHeader(100_000, 100_000), "bomb.png"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("bomb.png is 100000 × 100000 pixels; images may have at most 50 megapixels");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aLongStripWithinTheMegapixelsIsRefusedBeforeDecoding() throws Exception {
        // 49,000,000 × 1 RGBA: within 50 megapixels, and 700 MB for the decoder's two rows of 196 MB.
        int width = 49_000_000;
        java.io.ByteArrayOutputStream pixels = new java.io.ByteArrayOutputStream();
        try (var deflate = new java.util.zip.DeflaterOutputStream(pixels)) {
            deflate.write(0); // the row's filter: none
            byte[] zeros = new byte[1 << 20];
            for (long left = 4L * width; left > 0; left -= zeros.length) {
                deflate.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
        }
        byte[] strip = TestImages.pngWithData(TestImages.pngHeader(width, 1), pixels.toByteArray());
        long start = System.nanoTime();

        assertThatThrownBy(() -> preparer.prepare(strip, "strip.png")).isInstanceOf(ImageException.class)
                .hasMessage("strip.png is 49000000 × 1 pixels; a side may have at most 65,535 pixels. Crop it first.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aGifFrameLargerThanItsScreenIsRefusedBeforeDecoding() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> preparer.prepare(TestImages.gifWithHugeFrame(40_000, 40_000), "trick.gif"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("trick.gif is 40000 × 40000 pixels; images may have at most 50 megapixels");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aBigBlankPictureInASmallFileIsScaledInBoundedTime() {
        byte[] bomb = TestImages.blankPng(7000, 7000);
        long start = System.nanoTime();

        TurnImage image = preparer.prepare(bomb, "blank.png");

        assertThat(bomb.length).isLessThan(200_000);
        assertThat(TestImages.decode(image.bytes()).getWidth()).isEqualTo(1568);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aTruncatedPngIsRefused() {
        byte[] png = TestImages.noisyPng(300, 300);

        assertThatThrownBy(() -> preparer.prepare(Arrays.copyOf(png, png.length / 2), "half.png"))
                .isInstanceOf(ImageException.class).hasMessageContaining("half.png is damaged or cut short");
    }

    @Test
    void aTruncatedJpegIsRefused() {
        byte[] jpeg = TestImages.jpeg(600, 400);

        assertThatThrownBy(() -> preparer.prepare(Arrays.copyOf(jpeg, jpeg.length / 2), "half.jpg"))
                .isInstanceOf(ImageException.class).hasMessageContaining("half.jpg is damaged or cut short");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path folder) {
        assertThatThrownBy(() -> preparer.read(folder.resolve("gone.png")))
                .isInstanceOf(ImageException.class).hasMessageContaining("There is no image file");
    }

    @Test
    void theSameBytesGetTheSameName() {
        byte[] png = TestImages.png(20, 20);

        assertThat(preparer.prepare(png, "a").fileName()).isEqualTo(preparer.prepare(png.clone(), "b").fileName());
    }
}
