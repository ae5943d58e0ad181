package dev.parley.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files made to make the header reading see another picture than the decoder does (a hostile probe's). */
class ImageTricksTest {

    private final ImagePreparer preparer = new ImagePreparer(ImagePreparer.DEFAULT_MAX_SIDE);

    /**
     * After SOI: a lone restart marker (no length), then two comments, the second holding a fake 8 × 8
     * frame header where a walk that read the restart marker's next bytes as a length would land.
     */
    private static byte[] withFakeFrameBehindARestartMarker(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD0}); // RST0 at 2; a wrong walk reads FFFE as a length
        int firstCommentLength = 65500; // the comment at 4 ends at 65506
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) (firstCommentLength >> 8), (byte) firstCommentLength});
        out.writeBytes(new byte[firstCommentLength - 2]);
        int secondCommentLength = 100; // at 65506, its payload from 65510: holds 2 + 2 + 65534 = 65538
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) secondCommentLength});
        ByteBuffer payload = ByteBuffer.allocate(secondCommentLength - 2);
        payload.position(65538 - 65510);
        payload.put(HexFormat.of().parseHex("FFC0001108000800080301110002110103110100"));
        out.writeBytes(payload.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void aFakeFrameHeaderBehindALoneRestartMarkerDoesNotHideTheScans() {
        byte[] tricked = withFakeFrameBehindARestartMarker(
                TestImages.withLastScanRepeated(TestImages.progressiveJpeg(4000, 3000), 90));

        assertThat(ImageHeader.read(ImageType.JPEG, tricked, "t.jpg")).isEqualTo(new ImageHeader(ImageType.JPEG, 4000,
                3000));
        assertThatThrownBy(() -> preparer.prepare(tricked, "tricked.jpg")).isInstanceOf(ImageException.class)
                .hasMessageStartingWith("tricked.jpg is a JPEG stored in 100 passes over 4000 × 3000 pixels");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FFD0", "FF01", "FFFFFF"})
    void markersWithoutALengthAndFillBytesBeforeTheFrameAreSteppedOver(String inserted) {
        byte[] jpeg = inserted(TestImages.jpeg(60, 40), 2, inserted);

        assertThat(ImageHeader.read(ImageType.JPEG, jpeg, "j.jpg")).isEqualTo(new ImageHeader(ImageType.JPEG, 60, 40));
    }

    @Test
    void fillBytesBeforeTheExifSegmentKeepThePhotoUpright() {
        byte[] jpeg = inserted(TestImages.jpegWithOrientation(600, 400, 6), 2, "FFFFFF");

        BufferedImage sent = TestImages.decode(preparer.prepare(jpeg, "phone.jpg").bytes());

        assertThat(sent.getWidth()).isEqualTo(400);
        assertThat(sent.getHeight()).isEqualTo(600);
    }

    @Test
    void aPngWhoseFirstChunkIsNotItsHeaderIsRefusedAsDamaged() {
        byte[] png = TestImages.png(40, 30);
        png[12] = 't'; // "IHDR" → "tHDR"

        assertThatThrownBy(() -> preparer.prepare(png, "p.png")).isInstanceOf(ImageException.class)
                .hasMessage("p.png is not a readable PNG image: its header is cut short or damaged.");
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 15})
    void aWebpCutShortInItsHeaderIsRefusedAsDamaged(int length) {
        byte[] webp = Arrays.copyOf("RIFF\u0004\0\0\0WEBPVP8X".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                length);

        assertThatThrownBy(() -> preparer.prepare(webp, "w.webp")).isInstanceOf(ImageException.class)
                .hasMessage("w.webp is not a readable WEBP image: its header is cut short or damaged.");
    }

    /**
     * A 54-byte file: a 1 × 1 canvas around a lossless bitstream of 16384 × 16384 pixels. Sent as it
     * was, a provider's decoder might take the bitstream's size; sent as decoded here, it is one pixel.
     */
    @Test
    void aWebpWhoseCanvasHidesAHugePictureIsNeverSentAsItIs() throws Exception {
        byte[] webp;
        try (var in = ImageTricksTest.class.getResourceAsStream("/images/canvas-1x1-holding-16384x16384.webp")) {
            webp = in.readAllBytes();
        }

        TurnImage image = preparer.prepare(webp, "canvas.webp");
        BufferedImage sent = TestImages.decode(image.bytes());
        assertThat(image.type()).isEqualTo(ImageType.PNG);
        assertThat(sent.getWidth() + " × " + sent.getHeight()).as("the canvas, as decoded here").isEqualTo("1 × 1");
    }

    private static byte[] inserted(byte[] bytes, int at, String hex) {
        byte[] extra = HexFormat.of().parseHex(hex);
        byte[] result = new byte[bytes.length + extra.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(extra, 0, result, at, extra.length);
        System.arraycopy(bytes, at, result, at + extra.length, bytes.length - at);
        return result;
    }
}
