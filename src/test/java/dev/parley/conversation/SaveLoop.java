package dev.parley.conversation;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link ConversationStoreCrashTest}: saves a large conversation over and
 * over until the test kills the process, so the kill lands in the middle of a write.
 */
public final class SaveLoop {

    public static final String NAME = "big one";
    public static final int TURNS = 4000;

    private SaveLoop() {}

    public static void main(String[] args) {
        ConversationStore store = new ConversationStore(Path.of(args[0]));
        Conversation conversation = large();
        store.save(NAME, conversation);
        // From here on every moment is spent saving, so wherever the kill lands it lands in a save.
        System.out.println("saved once");
        System.out.flush();
        while (true) {
            store.save(NAME, conversation);
        }
    }

    static Conversation large() {
        Conversation conversation = new Conversation("Be brief.");
        for (int i = 0; i < TURNS / 2; i++) {
            conversation.addUser("question " + i + " " + "q".repeat(300));
            conversation.addAssistant("answer " + i + " " + "a".repeat(300), "thinking " + i, i % 7 == 0);
        }
        return conversation;
    }
}
