package dev.parley.cli;

import dev.parley.conversation.Conversation;
import dev.parley.image.TurnImage;
import dev.parley.llm.LlmException;
import dev.parley.pipeline.TurnClock;
import dev.parley.pipeline.TurnEvent;
import dev.parley.pipeline.TurnResult;
import dev.parley.pipeline.TurnRunner;
import java.util.List;
import java.util.function.Consumer;

/** A typed turn in the terminal: the runner's turn without speech, a cut-off answer reported as a failure. */
final class TextTurn {

    private TextTurn() {}

    /** Answers {@code text}; throws what went wrong (the conversation is consistent either way). */
    static TurnResult ask(TurnRunner runner, Conversation conversation, String text, Consumer<TurnEvent> events) {
        return ask(runner, conversation, text, List.of(), events);
    }

    /** Answers {@code text} showing the model {@code images}. */
    static TurnResult ask(TurnRunner runner, Conversation conversation, String text, List<TurnImage> images,
            Consumer<TurnEvent> events) {
        TurnResult result = runner.run(conversation, text, images, new TurnClock(), events, null);
        if (!result.complete()) {
            throw new LlmException(result.cutOff());
        }
        return result;
    }
}
