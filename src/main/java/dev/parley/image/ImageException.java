package dev.parley.image;

import dev.parley.ParleyException;

/** An image cannot be used: not an image, damaged, too large, or no screen to capture. The message says which. */
public final class ImageException extends ParleyException {

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
