package dev.parley.tools;

/** A tool could not do what was asked; the message is written for the model to read and act on. */
public final class ToolException extends RuntimeException {

    public ToolException(String message) {
        super(message);
    }
}
