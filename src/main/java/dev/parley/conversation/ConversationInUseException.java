package dev.parley.conversation;

/** The conversation is open in another Parley process, which would save over any change made here. */
public final class ConversationInUseException extends ConversationStoreException {

    ConversationInUseException(String name, String whatToDo) {
        super("The conversation '" + name + "' is open in another Parley (a window, 'chat' or 'serve'); " + whatToDo);
    }
}
