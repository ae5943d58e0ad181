package dev.parley.image;

import dev.parley.storage.GivenFiles;
import dev.parley.storage.FileErrors;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns the bytes of a picture (a file, a screenshot, an API upload) into a {@link TurnImage} fit to
 * send, in bounded time and memory whatever the bytes are:
 *
 * <ol>
 *   <li>at most {@link #MAX_BYTES}, and not empty;
 *   <li>a PNG, JPEG, GIF or WebP by its signature (the name or declared type is not trusted);
 *   <li>within the {@link PixelLimits} (pixels, the longest side) as its header declares, read
 *       before any pixel is decoded, and again as the decoder sees the first frame (a GIF's frame may
 *       exceed its header's size); a JPEG's scans times the decoder's pixels within them too;
 *   <li>decoded in full, so a damaged or truncated file fails here, not at the provider; a big
 *       picture is decoded subsampled to at most twice the target size (WebP through the
 *       TwelveMonkeys ImageIO plug-in: the JDK has no WebP reader);
 *   <li>when its longest side exceeds {@code maxSide}, scaled down to it and re-encoded: JPEG stays
 *       JPEG, PNG, GIF and WebP become PNG (JPEG when that PNG would exceed {@link #MAX_SENT_BYTES});
 *   <li>re-encoded at its size the same way when its file exceeds {@link #MAX_SENT_BYTES} (a PNG of
 *       noise, or padded with chunks), and when it is a GIF or a WebP ({@link #sentAsItIs}): a
 *       PNG of its first frame;
 *   <li>a JPEG whose EXIF orientation says it is stored sideways or mirrored is turned upright and
 *       re-encoded, at any size ({@link ExifOrientation}), as the tag does not survive re-encoding;
 *   <li>any other PNG or JPEG is sent as it is without its metadata ({@link MetadataStripper}: EXIF
 *       with a phone's GPS position, time and serial number, XMP, IPTC, comments, PNG text, what
 *       follows the end of the image), its segments or chunks left out whole and nothing re-encoded,
 *       so its pixels are exactly the same; one whose structure cannot be walked is re-encoded at its
 *       size as in 6. Re-encoding (5 to 7) writes no metadata either. A saved picture is stripped as
 *       it is read back ({@link #asSentNow}).
 * </ol>
 *
 * The caller's original is never written to.
 */
public final class ImagePreparer {

    public static final int DEFAULT_MAX_SIDE = 1568;
    /** The largest image file read at all. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    /** Providers take about 5 MB per image (Anthropic's limit); a scaled PNG larger than this goes as JPEG. */
    static final int MAX_SENT_BYTES = 4 * 1024 * 1024;
    private static final float JPEG_QUALITY = 0.85f;

    private final int maxSide;

    /** {@code maxSide}: the longest side, in pixels, of what is sent ({@code llm.images.max-side}). */
    public ImagePreparer(int maxSide) {
        if (maxSide < 16) {
            throw new IllegalArgumentException("max side must be at least 16 pixels: " + maxSide);
        }
        this.maxSide = maxSide;
    }

    public int maxSide() {
        return maxSide;
    }

    /** Reads {@code file} (its size checked before reading) and prepares it; the file is only read. */
    public TurnImage read(Path file) {
        try {
            if (file.toString().isEmpty()) { // Path.of("") is the current folder
                throw new ImageException("The image file's name is empty; give the path of a picture.");
            }
            if (Files.isDirectory(file)) {
                throw new ImageException(file + " is a folder, not an image.");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(file.toString(), size);
            }
            // A device or a pipe (/dev/stdin works, /dev/zero never ends) has no size: read one byte past
            // the limit at most, so the check holds for whatever the path is.
            byte[] bytes;
            try (InputStream in = GivenFiles.open(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new ImageException(file + " has more than " + MAX_BYTES / (1024 * 1024) + " MB; an image may"
                        + " have at most " + MAX_BYTES / (1024 * 1024) + " MB.");
            }
            return prepare(bytes, file.toString());
        } catch (NoSuchFileException e) {
            throw new ImageException("There is no image file " + file + ".", e);
        } catch (IOException e) {
            throw new ImageException("Cannot read " + file + " (" + FileErrors.reason(e) + ").", e);
        }
    }

    /**
     * A picture given as pixels (a pasted image, a screenshot taken by the window), encoded as PNG
     * and prepared like any file.
     *
     * @param argb {@code width × height} pixels, row by row, as 0xAARRGGBB
     */
    public TurnImage fromPixels(int width, int height, int[] argb, String source) {
        PixelLimits.refuseGiven(width, height, source);
        if (argb.length != width * height) {
            throw new IllegalArgumentException(argb.length + " pixels given for " + width + " × " + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return prepare(png(image), source);
    }

    /**
     * Checks {@code bytes} and returns the image to send, scaled down when large.
     *
     * @param source names the image in messages: a path, "the screenshot", "image 2"
     * @throws ImageException saying what is wrong with it
     */
    public TurnImage prepare(byte[] bytes, String source) {
        if (bytes.length == 0) {
            throw new ImageException(source + " is empty (0 bytes), not an image.");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source, bytes.length);
        }
        ImageType type = ImageType.sniff(bytes).orElseThrow(() -> new ImageException(source
                + " is not an image Parley can send: it must be a " + ImageType.NAMES + " file."));
        ImageHeader header = ImageHeader.read(type, bytes, source);
        PixelLimits.refuse(header.width(), header.height(), source);
        Decoded decoded = decode(bytes, header, source);
        int orientation = type == ImageType.JPEG ? ExifOrientation.of(bytes) : ExifOrientation.UPRIGHT;
        if (decoded.longestSide() <= maxSide && orientation == ExifOrientation.UPRIGHT && sentAsItIs(type)) {
            byte[] stripped = stripped(type, bytes);
            if (stripped != null && stripped.length <= MAX_SENT_BYTES) {
                return new TurnImage(type, stripped);
            }
        }
        return scaled(decoded, type, orientation);
    }

    /**
     * PNG and JPEG within the limits go as they are, without their metadata. A GIF does not (Gemini
     * takes none, OpenAI no animated one), nor a WebP: its extended form declares a canvas apart from
     * the picture it holds (a 1 × 1 canvas may wrap 16384 × 16384 pixels), so what is sent is what was
     * decoded here.
     */
    private static boolean sentAsItIs(ImageType type) {
        return type == ImageType.PNG || type == ImageType.JPEG;
    }

    /** {@link MetadataStripper#strip}, or null when the file's structure cannot be walked: then it is re-encoded. */
    private static byte[] stripped(ImageType type, byte[] bytes) {
        try {
            return MetadataStripper.strip(type, bytes);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /**
     * A picture saved with a conversation, as Parley sends pictures now: a GIF or WebP (saved as it came
     * until 2026-12-06; Gemini refuses a GIF at every later turn) becomes a PNG of its first frame at
     * its own size; a PNG or JPEG goes without its metadata (saved with it until 2026-12-07), stripped
     * as it is read, without decoding it; a JPEG stored sideways, or one whose structure cannot be
     * walked, is prepared anew. The saved file is not written to: its name still matches its content,
     * which {@code ConversationImages} checks before this; a conversation that goes on saves the
     * stripped picture under its own name at its next save and removes the old file, as it does for a
     * converted GIF.
     *
     * @throws ImageException when a saved picture that must be prepared anew cannot be decoded
     */
    public static TurnImage asSentNow(TurnImage saved, String source) {
        if (sentAsItIs(saved.type())) {
            byte[] bytes = saved.bytes();
            byte[] stripped = stripped(saved.type(), bytes);
            boolean upright = saved.type() != ImageType.JPEG || ExifOrientation.of(bytes) == ExifOrientation.UPRIGHT;
            if (stripped == bytes && upright) {
                return saved;
            }
            if (stripped != null && upright) {
                return new TurnImage(saved.type(), stripped);
            }
        }
        return new ImagePreparer(Integer.MAX_VALUE).prepare(saved.bytes(), source);
    }

    /** The picture as decoded (perhaps subsampled), and its full size as the decoder reads it. */
    private record Decoded(BufferedImage image, int width, int height) {
        int longestSide() {
            return Math.max(width, height);
        }
    }

    /**
     * Decodes every pixel (at most {@code 2 × maxSide} on the longest side, by reading every n-th
     * pixel of a bigger picture), so truncation and damage show; a decoder warning counts as damage.
     */
    private Decoded decode(byte[] bytes, ImageHeader header, String source) {
        // In memory: ImageIO's default stream would copy the bytes to a temporary file first.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new ImageException(source + " cannot be decoded: no " + header.type() + " reader.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                StringBuilder warnings = new StringBuilder();
                reader.addIIOReadWarningListener((r, warning) -> warnings.append(warnings.isEmpty() ? "" : "; ")
                        .append(warning));
                // The decoder's own idea of the size: a GIF's first frame may be far larger than the
                // screen size in its header, and the decoder would allocate for the frame.
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new ImageException(source + " is " + width + " × " + height + " pixels: no picture.");
                }
                PixelLimits.refuse(width, height, source);
                if (header.type() == ImageType.JPEG) {
                    PixelLimits.refuseTooManyScans(bytes, width, height, source);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.max(width, height) / (2.0 * maxSide));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (!warnings.isEmpty()) {
                    throw new ImageException(source + " is damaged or cut short (" + warnings + ").");
                }
                return new Decoded(image, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageException known) {
                throw known;
            }
            throw new ImageException(source + " is damaged or cut short, or in a form Parley cannot decode as "
                    + header.type() + " (" + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
                    + ").", e);
        } catch (OutOfMemoryError e) { // the decoder's buffers for what the file holds; freed as this returns
            throw new ImageException(source + " is too large to decode in the memory Parley has; scale it down"
                    + " first.");
        }
    }

    /**
     * Scaled to the max side (when larger), turned upright as its EXIF {@code orientation} asks, and
     * re-encoded.
     */
    private TurnImage scaled(Decoded decoded, ImageType original, int orientation) {
        double scale = Math.min(1, (double) maxSide / decoded.longestSide());
        boolean jpeg = original == ImageType.JPEG;
        BufferedImage target = drawn(decoded.image(), (int) Math.round(decoded.width() * scale),
                (int) Math.round(decoded.height() * scale), jpeg || !decoded.image().getColorModel().hasAlpha());
        byte[] encoded;
        if (jpeg) {
            target = ExifOrientation.upright(target, orientation);
            encoded = jpeg(target);
        } else {
            encoded = png(target);
            if (encoded.length <= MAX_SENT_BYTES) {
                return new TurnImage(ImageType.PNG, encoded);
            }
            target = opaque(target);
            encoded = jpeg(target);
        }
        // A large llm.images.max-side lets a photo re-encoded at its size exceed what providers take:
        // smaller until it fits (the bytes of a JPEG go about with its pixels).
        for (int tries = 0; encoded.length > MAX_SENT_BYTES && tries < 4; tries++) {
            double shrink = Math.sqrt((double) MAX_SENT_BYTES / encoded.length) * 0.9;
            target = drawn(target, (int) Math.round(target.getWidth() * shrink),
                    (int) Math.round(target.getHeight() * shrink), true);
            encoded = jpeg(target);
        }
        return new TurnImage(ImageType.JPEG, encoded);
    }

    /** {@code image} drawn at this size, bicubic; {@code opaque} leaves out the alpha channel. */
    private static BufferedImage drawn(BufferedImage image, int width, int height, boolean opaque) {
        BufferedImage target = new BufferedImage(Math.max(1, width), Math.max(1, height),
                opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(image, 0, 0, target.getWidth(), target.getHeight(), null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    /** JPEG has no transparency: transparent parts become white, as they show on a page. */
    private static BufferedImage opaque(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.setColor(java.awt.Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new ImageException("Could not encode the scaled image as PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new ImageException("Could not encode the scaled image as JPEG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static ImageException tooLarge(String source, long size) {
        return new ImageException(source + " has " + size / (1024 * 1024) + " MB; an image may have at most "
                + MAX_BYTES / (1024 * 1024) + " MB.");
    }
}
