package dev.parley.llm;

import dev.parley.ParleyException;

/** A provider could not answer; the message names the provider and what the user can do. */
public final class LlmException extends ParleyException {

    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
