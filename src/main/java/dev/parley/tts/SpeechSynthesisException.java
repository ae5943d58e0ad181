package dev.parley.tts;

import dev.parley.ParleyException;

/** The voice cannot be loaded or a text cannot be spoken. */
public final class SpeechSynthesisException extends ParleyException {

    public SpeechSynthesisException(String message, Throwable cause) {
        super(message, cause);
    }
}
