package dev.parley.conversation;

import java.nio.file.Path;

/** A second Parley process for ConversationLockProcessTest: takes a conversation, says so, waits for stdin to end. */
public final class HoldConversation {

    private HoldConversation() {}

    public static void main(String[] args) throws Exception {
        try (ConversationLock lock = ConversationLock.take(new ConversationStore(Path.of(args[0])), args[1])) {
            System.out.println("held");
            System.out.flush();
            System.in.read();
        }
    }
}
