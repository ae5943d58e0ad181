package dev.parley.llm;

import dev.parley.conversation.Message;
import java.util.List;

/**
 * A configured provider, as the rest of Parley sees it. Which library and wire protocol answer
 * stays behind this interface.
 */
public interface LanguageModel {

    /** The provider's name in config.yaml, e.g. "ollama". */
    String name();

    /** One line for people: provider, model and endpoint. */
    String describe();

    /**
     * Whether the model can see images, so a turn that shows some may be sent to it (see
     * {@link ModelVision}). Models that do not say cannot.
     */
    default boolean canSee() {
        return false;
    }

    /**
     * Streams the reply to {@code messages} into {@code listener} and returns it once complete.
     * Blocks the calling thread; fails with {@link LlmException} saying what to do.
     */
    LlmReply reply(List<Message> messages, ReplyListener listener);
}
