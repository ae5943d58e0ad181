package dev.parley.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;

/** Pictures made on the spot for tests: real encodings of a known size, and hand-made headers. */
public final class TestImages {

    /** A real 1 × 1 lossless WebP. */
    public static final byte[] TINY_WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private TestImages() {}

    public static byte[] png(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    public static byte[] gif(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "gif");
    }

    /** Noise compresses badly, so cutting the file short cuts into its pixel data. */
    public static byte[] noisyPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return encode(image, "png");
    }

    /** One bit per pixel, all white: a big picture in a small file, as a decompression bomb is. */
    public static byte[] blankPng(int width, int height) {
        return encode(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY), "png");
    }

    /** The start of a PNG whose header declares this size; no pixel data follows. */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(33);
        header.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        header.putInt(13).put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height);
        header.put(new byte[] {8, 6, 0, 0, 0}).putInt(0);
        return header.array();
    }

    /** {@code header} ({@link #pngHeader}, its CRC left zero: the JDK's reader does not check it), then one IDAT of {@code zlib} and IEND. */
    public static byte[] pngWithData(byte[] header, byte[] zlib) {
        ByteBuffer png = ByteBuffer.allocate(header.length + 12 + zlib.length + 12);
        png.put(header).putInt(zlib.length).put(new byte[] {'I', 'D', 'A', 'T'}).put(zlib).putInt(0);
        png.putInt(0).put(new byte[] {'I', 'E', 'N', 'D'}).putInt(0xAE426082);
        return png.array();
    }

    /**
     * A GIF whose logical screen is 1 × 1 but whose one frame declares this size: a bomb hiding
     * behind the header most readers look at first.
     */
    public static byte[] gifWithHugeFrame(int width, int height) {
        ByteBuffer gif = ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes()).putShort((short) 1).putShort((short) 1).put(new byte[] {0, 0, 0});
        gif.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height);
        gif.put((byte) 0x80).put(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255}); // 2-colour local table
        gif.put((byte) 2).put((byte) 2).put(new byte[] {0x4C, 0x01}).put((byte) 0).put((byte) 0x3B);
        return java.util.Arrays.copyOf(gif.array(), gif.position());
    }

    /**
     * A white JPEG with a red top-left quarter, whose EXIF orientation (1-8) says how to turn it.
     */
    public static byte[] jpegWithOrientation(int width, int height, int orientation) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, width / 2, height / 2);
        graphics.dispose();
        byte[] jpeg = encode(image, "jpeg");
        ByteBuffer exif = ByteBuffer.allocate(36); // APP1: marker, length, "Exif\0\0", big-endian TIFF with IFD0
        exif.put(new byte[] {(byte) 0xFF, (byte) 0xE1}).putShort((short) 34).put("Exif".getBytes()).put(new byte[2]);
        exif.put("MM".getBytes()).putShort((short) 42).putInt(8);
        exif.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation)
                .putShort((short) 0).putInt(0);
        byte[] tagged = new byte[jpeg.length + exif.capacity()];
        System.arraycopy(jpeg, 0, tagged, 0, 2);
        System.arraycopy(exif.array(), 0, tagged, 2, exif.capacity());
        System.arraycopy(jpeg, 2, tagged, 2 + exif.capacity(), jpeg.length - 2);
        return tagged;
    }

    /** A progressive JPEG, as ImageIO writes one: libjpeg's usual script of ten scans. */
    public static byte[] progressiveJpeg(int width, int height) {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new javax.imageio.IIOImage(picture(width, height, BufferedImage.TYPE_INT_RGB), null, null),
                    param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * {@code jpeg} with its last scan (start-of-scan segment and coded data) repeated {@code times}
     * more before the end: a small file that makes a decoder go over every pixel once per scan.
     */
    public static byte[] withLastScanRepeated(byte[] jpeg, int times) {
        int lastScan = -1;
        for (int at = 2; at + 1 < jpeg.length; at++) {
            if ((jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) == 0xDA) {
                lastScan = at;
            }
        }
        int end = jpeg.length - 2; // the end-of-image marker
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, end);
        for (int i = 0; i < times; i++) {
            out.write(jpeg, lastScan, end - lastScan);
        }
        out.write(jpeg, end, 2);
        return out.toByteArray();
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.BLUE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
