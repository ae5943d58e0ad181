package dev.parley.conversation;

import java.util.List;

/**
 * Turns a conversation's system prompt template into the prompt the model is sent, once per turn
 * (see {@link Conversation#messages()}). {@code contextTurns} are the turns the model sees word for
 * word, the latest user turn last, for choosing what is relevant.
 */
@FunctionalInterface
public interface PromptFiller {

    /** Sends the prompt as written: for tests, benchmarks and prompts without placeholders. */
    PromptFiller VERBATIM = (template, contextTurns) -> template;

    String fill(String template, List<Turn> contextTurns);
}
