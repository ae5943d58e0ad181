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

    /** A JPEG whose coded data is cut by a restart marker every {@code interval} blocks (DRI), as some cameras write. */
    public static byte[] jpegWithRestarts(int width, int height, int interval) {
        BufferedImage image = picture(width, height, BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            javax.imageio.metadata.IIOMetadata metadata = writer.getDefaultImageMetadata(
                    javax.imageio.ImageTypeSpecifier.createFromRenderedImage(image), param);
            javax.imageio.metadata.IIOMetadataNode tree = (javax.imageio.metadata.IIOMetadataNode) metadata
                    .getAsTree("javax_imageio_jpeg_image_1.0");
            javax.imageio.metadata.IIOMetadataNode restarts = new javax.imageio.metadata.IIOMetadataNode("dri");
            restarts.setAttribute("interval", Integer.toString(interval));
            javax.imageio.metadata.IIOMetadataNode markers = (javax.imageio.metadata.IIOMetadataNode) tree
                    .getElementsByTagName("markerSequence").item(0);
            markers.insertBefore(restarts, markers.getFirstChild());
            metadata.setFromTree("javax_imageio_jpeg_image_1.0", tree);
            writer.write(null, new javax.imageio.IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Words a photo's metadata holds in {@link #photoWithMetadata} and {@link #pngWithMetadata}: none may be sent. */
    public static final java.util.List<String> PRIVATE_WORDS = java.util.List.of("GPS-48.8584N", "SERIAL-0451",
            "http://ns.adobe.com/xap/1.0/", "Photoshop 3.0", "COMMENT-by-camera", "MPF", "SECOND-PICTURE",
            "Author", "Ztxt-secret", "iTXt-secret", "eXIf", "tIME", "pHYs", "prVt");

    /**
     * A phone's photo: a JPEG without JFIF (as cameras write them) whose orientation is upright and
     * which carries EXIF (a GPS position and a serial number), XMP, IPTC, a comment, a non-sRGB ICC
     * profile (linear RGB: the decoder applies it), a multi-picture index and a second JPEG after the
     * end of the first, with EXIF of its own.
     */
    public static byte[] photoWithMetadata(int width, int height) {
        byte[] plain = withoutJfif(jpeg(width, height));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.writeBytes(exifWithGps());
        out.writeBytes(segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPS-48.8584N</x:xmpmeta>"));
        out.writeBytes(iccSegment(java.awt.color.ColorSpace.CS_LINEAR_RGB));
        out.writeBytes(segment(0xE2, "MPF\0 index of SECOND-PICTURE"));
        out.writeBytes(segment(0xED, "Photoshop 3.0\08BIM IPTC GPS-48.8584N"));
        out.writeBytes(segment(0xFE, "COMMENT-by-camera"));
        out.write(plain, 2, plain.length - 2);
        byte[] second = jpeg(16, 16);
        out.write(second, 0, 2);
        out.writeBytes(exifWithGps());
        out.writeBytes(segment(0xFE, "SECOND-PICTURE"));
        out.write(second, 2, second.length - 2);
        return out.toByteArray();
    }

    /** {@code jpeg} with an APPn or COM segment of this marker and text added after its start. */
    public static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(segment(marker, payload));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** An ICC profile segment (APP2) holding the JDK's profile of {@code colorSpace} (a ColorSpace.CS_ constant). */
    public static byte[] iccSegment(int colorSpace) {
        byte[] profile = java.awt.color.ICC_Profile.getInstance(colorSpace).getData();
        ByteBuffer payload = ByteBuffer.allocate(14 + profile.length);
        payload.put("ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 1)
                .put(profile);
        return segment(0xE2, payload.array());
    }

    /** {@code jpeg} without its JFIF segment (APP0 right after the start, as ImageIO writes it). */
    public static byte[] withoutJfif(byte[] jpeg) {
        int length = ((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(jpeg, 4 + length, jpeg.length - 4 - length);
        return out.toByteArray();
    }

    /** APP1 "Exif": IFD0 with an upright orientation, a serial number and a GPS directory. */
    private static byte[] exifWithGps() {
        ByteBuffer tiff = ByteBuffer.allocate(86);
        tiff.put("MM".getBytes()).putShort((short) 42).putInt(8);
        tiff.putShort((short) 3); // IFD0 at 8: 3 entries of 12 bytes, then the next IFD's offset
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 1).putShort((short) 0);
        tiff.putShort((short) 0xA431).putShort((short) 2).putInt(12).putInt(50); // body serial number
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(62); // GPS IFD
        tiff.putInt(0);
        tiff.position(50).put("SERIAL-0451\0".getBytes());
        tiff.position(62).putShort((short) 1); // GPS IFD: latitude as text, for the test to find
        tiff.putShort((short) 0x0002).putShort((short) 2).putInt(13).putInt(74).putInt(0);
        tiff.position(74).put("GPS-48.8584N".getBytes());
        ByteBuffer payload = ByteBuffer.allocate(6 + tiff.capacity());
        payload.put("Exif".getBytes()).put(new byte[2]).put(tiff.array());
        return segment(0xE1, payload.array());
    }

    private static byte[] segment(int marker, String text) {
        return segment(marker, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static byte[] segment(int marker, byte[] payload) {
        ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
        segment.put((byte) 0xFF).put((byte) marker).putShort((short) (2 + payload.length)).put(payload);
        return segment.array();
    }

    /**
     * A PNG with text of every kind (tEXt, a zTXt, an iTXt), eXIf, tIME, pHYs and a private chunk,
     * an sRGB-less colour profile (iCCP, small), and gAMA; and, after its end, more bytes.
     */
    public static byte[] pngWithMetadata(int width, int height) {
        byte[] plain = png(width, height);
        byte[] profile = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData();
        ByteArrayOutputStream iccp = new ByteArrayOutputStream();
        iccp.writeBytes("linear\0\0".getBytes());
        iccp.writeBytes(deflated(profile));
        ByteArrayOutputStream ztxt = new ByteArrayOutputStream();
        ztxt.writeBytes("Comment\0\0".getBytes());
        ztxt.writeBytes(deflated("Ztxt-secret GPS-48.8584N".getBytes()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 33); // the signature and IHDR
        out.writeBytes(chunk("iCCP", iccp.toByteArray()));
        out.writeBytes(chunk("gAMA", new byte[] {0, 1, (byte) 0x86, (byte) 0xA0}));
        out.writeBytes(chunk("tEXt", "Author\0SERIAL-0451".getBytes()));
        out.writeBytes(chunk("zTXt", ztxt.toByteArray()));
        out.writeBytes(chunk("iTXt", "XML:com.adobe.xmp\0\0\0\0\0iTXt-secret http://ns.adobe.com/xap/1.0/".getBytes()));
        out.writeBytes(chunk("eXIf", "MM\0*GPS-48.8584N".getBytes()));
        out.writeBytes(chunk("tIME", new byte[] {0x07, (byte) 0xE9, 6, 1, 12, 0, 0}));
        out.writeBytes(chunk("pHYs", new byte[] {0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1}));
        out.writeBytes(chunk("prVt", "GPS-48.8584N".getBytes()));
        out.write(plain, 33, plain.length - 33);
        out.writeBytes("SECOND-PICTURE after the end".getBytes());
        return out.toByteArray();
    }

    /** A palette PNG (PLTE, one bit per pixel) whose first colour is transparent (tRNS), with a tEXt chunk. */
    public static byte[] palettePngWithTransparency(int width, int height) {
        java.awt.image.IndexColorModel colours = new java.awt.image.IndexColorModel(1, 2,
                new byte[] {0, (byte) 255}, new byte[] {0, (byte) 128}, new byte[] {0, 0}, 0);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY, colours);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(255, 128, 0));
        graphics.fillOval(0, 0, width, height);
        graphics.dispose();
        byte[] plain = encode(image, "png");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 33);
        out.writeBytes(chunk("tEXt", "Author\0SERIAL-0451".getBytes()));
        out.write(plain, 33, plain.length - 33);
        return out.toByteArray();
    }

    /** A PNG chunk: length, type, data and its CRC. */
    public static byte[] chunk(String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes());
        crc.update(data);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes()).put(data).putInt((int) crc.getValue());
        return chunk.array();
    }

    private static byte[] deflated(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var deflater = new java.util.zip.DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
