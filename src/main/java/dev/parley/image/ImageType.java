package dev.parley.image;

import java.util.Locale;
import java.util.Optional;

/**
 * The image formats a turn may carry, each recognized by its first bytes (the file's own signature,
 * never its name), with the media type the providers are sent and the extension it is saved under.
 */
public enum ImageType {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    /** The formats in words, for messages. */
    public static final String NAMES = "PNG, JPEG, WebP or GIF";

    private final String mediaType;
    private final String extension;

    ImageType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format whose signature {@code bytes} start with, or empty. */
    public static Optional<ImageType> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The format of a media type such as {@code image/png} (case and parameters ignored), or empty. */
    public static Optional<ImageType> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (bare.equals("image/jpg")) {
            return Optional.of(JPEG);
        }
        for (ImageType type : values()) {
            if (type.mediaType.equals(bare)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The format a saved file's extension names, or empty. */
    public static Optional<ImageType> ofExtension(String extension) {
        String lower = extension.toLowerCase(Locale.ROOT);
        for (ImageType type : values()) {
            if (type.extension.equals(lower) || (type == JPEG && lower.equals("jpeg"))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
