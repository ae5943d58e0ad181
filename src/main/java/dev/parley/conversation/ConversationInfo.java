package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** What {@link ConversationStore#list()} shows of a saved conversation. */
public record ConversationInfo(String name, int turns, Instant updated) {

    /**
     * Writes this conversation's row as the API and {@code conversations list --json} both list it:
     * {@code id}, {@code turns}, {@code updated}, one spelling for both so a script can read either.
     */
    public void writeRow(ObjectNode row) {
        row.put("id", name).put("turns", turns).put("updated", updated.toString());
    }
}
