package dev.parley.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An image as a turn carries it to the model: already checked and, when it was large, scaled down
 * ({@link ImagePreparer}). Its {@link #fileName()} comes from its content, so saving a conversation
 * again writes nothing new and two turns showing the same picture share one file.
 */
public final class TurnImage {

    private final ImageType type;
    private final byte[] bytes;
    private final String fileName;

    public TurnImage(ImageType type, byte[] bytes) {
        this.type = Objects.requireNonNull(type, "type");
        this.bytes = bytes.clone();
        this.fileName = contentName(this.bytes) + "." + type.extension();
    }

    public ImageType type() {
        return type;
    }

    public String mediaType() {
        return type.mediaType();
    }

    /** A copy of the encoded image. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The name it is saved under beside its conversation: a hash of the bytes and the format's extension. */
    public String fileName() {
        return fileName;
    }

    private static String contentName(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TurnImage image && image.type == type && Arrays.equals(image.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode();
    }

    @Override
    public String toString() {
        return fileName + " (" + bytes.length + " bytes)";
    }
}
