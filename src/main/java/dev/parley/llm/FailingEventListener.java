package dev.parley.llm;

import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.util.function.UnaryOperator;

/**
 * Stands between LangChain4j's stream parser and the provider client's listener, so that an event the
 * client cannot handle ends the reply as a failure. LangChain4j's parsers log such an exception as a
 * warning and go on with the next event: the reply then lacks that piece, or (a tool call the Ollama
 * client could not read) ends "complete" with nothing in it. Here the first such exception stops the
 * stream and reaches the client's {@code onError} as an {@link UnreadableReplyException}; nothing is
 * passed on after it.
 *
 * <p>{@code edit} may rewrite each event before the client sees it, for a server whose events the
 * client would misread ({@link OllamaToolCallIndexes}).
 */
final class FailingEventListener implements ServerSentEventListener {

    private final ServerSentEventListener client;
    private final UnaryOperator<ServerSentEvent> edit;
    private volatile boolean failed;

    FailingEventListener(ServerSentEventListener client, UnaryOperator<ServerSentEvent> edit) {
        this.client = client;
        this.edit = edit;
    }

    @Override
    public void onOpen(SuccessfulHttpResponse response) {
        client.onOpen(response);
    }

    @Override
    public void onEvent(ServerSentEvent event) {
        onEvent(event, null);
    }

    @Override
    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
        if (failed) {
            return;
        }
        try {
            ServerSentEvent edited = edit.apply(event);
            if (context == null) {
                client.onEvent(edited);
            } else {
                client.onEvent(edited, context);
            }
        } catch (RuntimeException unreadable) {
            failed = true;
            if (context != null) {
                context.parsingHandle().cancel(); // the rest of this reply is not read
            }
            client.onError(new UnreadableReplyException(event.data(), unreadable));
        }
    }

    @Override
    public void onError(Throwable error) {
        if (!failed) {
            client.onError(error);
        }
    }

    @Override
    public void onClose() {
        if (!failed) {
            client.onClose();
        }
    }
}
