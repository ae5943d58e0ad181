package dev.parley.stt;

import dev.parley.ParleyException;

/** The speech model folder is missing or not a Vosk model; the message says how to fix it. */
public final class SpeechModelException extends ParleyException {

    public SpeechModelException(String message) {
        super(message);
    }
}
