package dev.parley.audio;

import dev.parley.ParleyException;

/**
 * No usable audio device: none exists, the named one does not exist, or it refused every format
 * Parley offered. The message says which and what to do about it.
 */
public final class AudioDeviceException extends ParleyException {

    public AudioDeviceException(String message) {
        super(message);
    }

    public AudioDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
