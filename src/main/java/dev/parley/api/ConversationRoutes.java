package dev.parley.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.conversation.ConversationSearch;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.ConversationInUseException;
import dev.parley.conversation.ConversationStoreException;
import dev.parley.storage.FileErrors;
import dev.parley.storage.OwnFiles;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The saved conversations. An id is the conversation's name; the store refuses any name that could
 * reach outside its folder (400), and an unknown one is 404.
 */
final class ConversationRoutes {

    private final ConversationStore store;
    private final Supplier<String> openConversation;
    /** The asks running in other conversations than the open one. */
    private final ConversationAsks asks;

    /** {@code openConversation}: the conversation this Parley has open (the window's, or serve's). */
    ConversationRoutes(ConversationStore store, Supplier<String> openConversation, ConversationAsks asks) {
        this.asks = asks;
        this.store = store;
        this.openConversation = openConversation;
    }

    void register(HttpRules rules) {
        rules.get("/conversations", this::list);
        rules.get("/conversations/{id}", this::show);
        rules.delete("/conversations/{id}", this::delete);
    }

    /** All saved conversations, or with {@code ?q=words} those whose name or turns hold every word. */
    private void list(ServerRequest request, ServerResponse response) {
        ArrayNode rows = ApiJson.MAPPER.createArrayNode();
        Optional<String> query = request.query().first("q").asOptional();
        if (query.isEmpty()) {
            store.list().forEach(info -> info.writeRow(rows.addObject()));
        } else {
            String words = query.get().strip();
            if (words.isEmpty() || words.length() > ConversationSearch.MAX_QUERY_CHARS) {
                throw ApiProblem.badRequest("q must be the words to look for, 1 to " + ConversationSearch.MAX_QUERY_CHARS + " characters.");
            }
            for (ConversationSearch.Found hit : new ConversationSearch(store).find(words, store.list(), () -> false)) {
                ObjectNode row = rows.addObject();
                hit.info().writeRow(row);
                row.put("snippet", hit.snippet());
            }
        }
        ApiJson.send(response, 200, rows);
    }

    /** The saved file as it is: it is JSON already, in the documented format of the conversation store. */
    private void show(ServerRequest request, ServerResponse response) throws IOException {
        String id = existing(request);
        byte[] saved;
        try {
            // Bounded, as the store reads it: read whole, a huge file there exhausted the memory (a 500
            // saying nothing, and an OutOfMemoryError any other request could have met).
            saved = OwnFiles.readAtMost(store.fileFor(id), ConversationStore.MAX_FILE_BYTES);
        } catch (IOException unreadable) {
            throw new ApiProblem(500, "Damaged conversation", "The saved file of '" + id + "' cannot be read ("
                    + FileErrors.reason(unreadable) + "); 'parley conversations list' names every damaged file.");
        }
        try {
            ApiJson.MAPPER.readTree(saved);
        } catch (IOException damaged) { // never served as JSON when it is not
            throw new ApiProblem(500, "Damaged conversation", "The saved file of '" + id + "' is not valid JSON (a"
                    + " disk error, or an edit by hand); 'parley conversations list' names every damaged file.");
        }
        response.header(HeaderNames.CONTENT_TYPE, ApiJson.JSON);
        response.send(saved);
    }

    private void delete(ServerRequest request, ServerResponse response) {
        String id = existing(request);
        String open = openConversation.get();
        if (open != null && store.fileFor(open).equals(store.fileFor(id))) {
            // Deleted, it would be saved again by the next turn; the window and serve keep it open.
            throw ApiProblem.conflict(ApiProblem.Code.CONVERSATION_OPEN, "'" + id + "' is the conversation this"
                    + " Parley has open (the window's, or the one 'parley serve' runs in), and its next turn would"
                    + " save it again; open another one in the window, or stop serve, first.");
        }
        if (asks.answering(id)) { // deleted now, its turn would save it again when it ends
            throw ApiProblem.conflict(ApiProblem.Code.CONVERSATION_OPEN, "'" + id + "' is answering a question"
                    + " asked through this API; stop it (POST /stop?conversation=" + id + ") or wait, then delete it.");
        }
        try {
            store.delete(id);
        } catch (ConversationInUseException openElsewhere) {
            throw ApiProblem.conflict(ApiProblem.Code.CONVERSATION_OPEN, openElsewhere.getMessage());
        }
        response.status(Status.NO_CONTENT_204).send();
    }

    private String existing(ServerRequest request) {
        String id = request.path().pathParameters().get("id");
        boolean exists;
        try {
            exists = store.exists(id);
        } catch (ConversationStoreException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        if (!exists) {
            throw ApiProblem.notFound("There is no saved conversation '" + id + "'.");
        }
        return id;
    }
}
