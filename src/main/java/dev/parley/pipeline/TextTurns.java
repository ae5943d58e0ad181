package dev.parley.pipeline;

import dev.parley.conversation.ContextWindow;
import dev.parley.conversation.Conversation;
import dev.parley.llm.LanguageModel;
import dev.parley.llm.LlmException;
import dev.parley.llm.LlmReply;
import java.util.function.Consumer;

/**
 * Typed turns of one conversation: keeps the context within its window, streams the model's
 * reply, records it (a cut-off answer marked as interrupted, an unanswered question taken back),
 * and reports every step as {@link TurnEvent}s.
 */
public final class TextTurns {

    private final LanguageModel model;
    private final Conversation conversation;
    private final ContextWindow window;
    private final Consumer<TurnEvent> events;

    /** {@code window} may be null for a single question, which cannot outgrow any window. */
    public TextTurns(LanguageModel model, Conversation conversation, ContextWindow window, Consumer<TurnEvent> events) {
        this.model = model;
        this.conversation = conversation;
        this.window = window;
        this.events = events;
    }

    /** Answers {@code userText}; on failure the events say so and the exception says what to do. */
    public LlmReply ask(String userText) {
        TurnClock clock = new TurnClock();
        conversation.addUser(userText);
        if (window != null) {
            window.fit(conversation);
        }
        events.accept(new TurnEvent.Started(clock.turn(), userText, model.name()));
        LlmReply reply;
        try {
            reply = model.reply(conversation.messages(), new ReplyEvents(clock, events, delta -> { }));
        } catch (LlmException e) {
            conversation.endFailedTurn(e.partialText());
            events.accept(new TurnEvent.Failed(clock.turn(), e.getMessage(), e.partialText()));
            throw e;
        } catch (RuntimeException e) {
            conversation.withdrawLastUserTurn();
            events.accept(new TurnEvent.Failed(clock.turn(), String.valueOf(e.getMessage()), ""));
            throw e;
        }
        conversation.addAssistant(reply.text(), reply.reasoning(), false);
        events.accept(new TurnEvent.Completed(clock.turn(), reply.text(), reply.reasoning(), reply.provider(),
                reply.inputTokens(), reply.outputTokens(), clock.finish()));
        return reply;
    }
}
