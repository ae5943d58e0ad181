package dev.parley.conversation;

import java.nio.file.Path;

/**
 * A second Parley process for ConversationLockProcessTest. {@code FOLDER NAME}: takes the
 * conversation, says "held", waits for stdin to end. {@code FOLDER NAME try}: says whether it could
 * take it ("held" or "refused") and exits.
 */
public final class HoldConversation {

    private HoldConversation() {}

    public static void main(String[] args) throws Exception {
        ConversationLock lock;
        try {
            lock = ConversationLock.take(new ConversationStore(Path.of(args[0])), args[1]);
        } catch (ConversationInUseException refused) {
            System.out.println("refused");
            return;
        }
        try (lock) {
            System.out.println("held");
            System.out.flush();
            if (args.length < 3) {
                System.in.read();
            }
        }
    }
}
