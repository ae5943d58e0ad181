package dev.parley.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;

/** What {@link ConversationStore#list()} shows of a saved conversation. */
public record ConversationInfo(String name, int turns, Instant updated) {

    /**
     * The row of {@code saved}, read from {@code file}, under the name that finds that file again. A
     * file copied ("kitchen.json" to "kitchen-old.json") or edited by hand still holds its old name,
     * which would list a second "kitchen" that export, rename and delete could not reach: they go by
     * the name's file. Such a file is listed by its own file name instead.
     */
    static ConversationInfo of(ConversationFile saved, Path file) {
        String fileName = file.getFileName().toString();
        String stem = fileName.substring(0, fileName.length() - ".json".length());
        String name = saved.name() != null && ConversationStore.nameProblem(saved.name()).isEmpty()
                && ConversationStore.slug(saved.name()).equals(stem) ? saved.name().strip() : stem;
        return new ConversationInfo(name, saved.turns().size(), Instant.parse(saved.updated()));
    }

    /**
     * Writes this conversation's row as the API and {@code conversations list --json} both list it:
     * {@code id}, {@code turns}, {@code updated}, one spelling for both so a script can read either.
     */
    public void writeRow(ObjectNode row) {
        row.put("id", name).put("turns", turns).put("updated", updated.toString());
    }
}
