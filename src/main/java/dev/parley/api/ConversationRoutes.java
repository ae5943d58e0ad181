package dev.parley.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.parley.conversation.ConversationInfo;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.ConversationInUseException;
import dev.parley.conversation.ConversationStoreException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The saved conversations. An id is the conversation's name; the store refuses any name that could
 * reach outside its folder (400), and an unknown one is 404.
 */
final class ConversationRoutes {

    private final ConversationStore store;

    ConversationRoutes(ConversationStore store) {
        this.store = store;
    }

    void register(HttpRules rules) {
        rules.get("/conversations", this::list);
        rules.get("/conversations/{id}", this::show);
        rules.delete("/conversations/{id}", this::delete);
    }

    private void list(ServerRequest request, ServerResponse response) {
        ArrayNode rows = ApiJson.MAPPER.createArrayNode();
        for (ConversationInfo info : store.list()) {
            rows.addObject().put("id", info.name()).put("turns", info.turns()).put("updated", info.updated().toString());
        }
        ApiJson.send(response, 200, rows);
    }

    /** The saved file as it is: it is JSON already, in the documented format of the conversation store. */
    private void show(ServerRequest request, ServerResponse response) throws IOException {
        String id = existing(request);
        response.header(HeaderNames.CONTENT_TYPE, ApiJson.JSON);
        response.send(Files.readAllBytes(store.fileFor(id)));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        try {
            store.delete(existing(request));
        } catch (ConversationInUseException openElsewhere) {
            throw ApiProblem.conflict(openElsewhere.getMessage());
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
