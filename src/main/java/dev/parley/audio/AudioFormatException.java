package dev.parley.audio;

import dev.parley.ParleyException;

/**
 * Audio data that Parley cannot read: not a WAV file, a compressed encoding, a damaged header or no
 * samples at all. The message names the file, says what is wrong and how to fix it.
 */
public final class AudioFormatException extends ParleyException {

    public AudioFormatException(String message) {
        super(message);
    }
}
