package dev.parley.cli;

import dev.parley.ParleyException;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The chat's {@code /reset}: the conversation starts over. A saved conversation's earlier turns are
 * kept first, as a conversation of their own named {@code NAME-before-reset-DATE-TIME}, because
 * {@code /reset} reads as "start a fresh context", not "delete what was said" (the window's Delete
 * asks first; a typed command cannot take back a deletion). An unsaved chat's turns are only in memory
 * and are forgotten. Either way the user is told which.
 */
final class ChatReset {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    private ChatReset() {}

    /**
     * Clears {@code conversation} (saved as {@code name} in {@code store}, or not saved when
     * {@code store} is null) and returns the sentence that says what became of its turns.
     *
     * @throws ParleyException when the earlier turns could not be kept; nothing is cleared then
     */
    static String startOver(Conversation conversation, ConversationStore store, String name, LocalDateTime now) {
        int turns = conversation.turnCount();
        if (turns == 0) {
            conversation.clear(); // the system prompt is filled afresh either way
            return "Started over (there were no earlier turns).";
        }
        String earlier = turns == 1 ? "the earlier turn is" : "the " + turns + " earlier turns are";
        if (store == null) {
            conversation.clear();
            return "Started over: " + earlier + " forgotten (this chat is not saved).";
        }
        String kept = keptName(store, name, now);
        store.save(kept, conversation);
        conversation.clear();
        store.save(name, conversation);
        return "Started over: " + earlier + " kept as the conversation '" + kept
                + "' (parley conversations export or delete it).";
    }

    /** A name no saved conversation has, of the form NAME-before-reset-DATE-TIME; shorter when NAME is long. */
    private static String keptName(ConversationStore store, String name, LocalDateTime now) {
        String suffix = "-before-reset-" + now.format(STAMP);
        String candidate = ConversationStore.nameProblem(name.strip() + suffix).isEmpty()
                ? name.strip() + suffix
                : suffix.substring(1);
        String unique = candidate;
        for (int n = 2; store.exists(unique); n++) {
            unique = candidate + "-" + n;
        }
        return unique;
    }
}
