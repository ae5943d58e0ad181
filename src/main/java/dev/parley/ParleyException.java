package dev.parley;

/**
 * A failure the user can act on. Its message is shown as is, on one line, so it names what went
 * wrong and what to do about it ("... set stt.model-path in config.yaml to a Vosk model folder").
 * Anything else reaching the top is a bug and is reported as one.
 */
public class ParleyException extends RuntimeException {

    public ParleyException(String message) {
        super(message);
    }

    public ParleyException(String message, Throwable cause) {
        super(message, cause);
    }
}
