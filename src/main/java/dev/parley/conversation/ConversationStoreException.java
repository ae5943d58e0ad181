package dev.parley.conversation;

import dev.parley.ParleyException;

/** A saved conversation that cannot be found, read, written or named as asked. */
public class ConversationStoreException extends ParleyException {

    public ConversationStoreException(String message) {
        super(message);
    }

    public ConversationStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
