package dev.parley.voice;

import dev.parley.conversation.Conversation;
import dev.parley.image.TurnImage;
import java.util.List;
import java.util.function.Consumer;

/**
 * The real-time voice loop as the window and the CLI drive it. Every method returns at once; the
 * work happens on Parley's threads and shows up as {@link VoiceEvent}s. Pressing talk or typing
 * while an answer plays is a barge-in: the answer stops within 100 ms and only its heard part is
 * kept.
 */
public interface VoiceAssistant extends AutoCloseable {

    /** Adds a listener of every event; the returned handle removes it. */
    AutoCloseable subscribe(Consumer<VoiceEvent> listener);

    VoiceState state();

    /** Push-to-talk pressed: stops any answer, then listens (the pre-roll included). */
    void pressToTalk();

    /** Push-to-talk released: the transcript is finished and the turn begins. */
    void releaseToTalk();

    /** Typed input: stops any answer, then answers {@code text} as a turn, spoken when Parley has a voice. */
    default void ask(String text) {
        ask(text, true);
    }

    /** Typed input; {@code spoken} false answers in text only even when Parley has a voice. */
    default void ask(String text, boolean spoken) {
        ask(text, spoken, List.of());
    }

    /**
     * Typed input that shows the model {@code images} (checked and scaled already); a model that
     * cannot see fails the turn before anything is sent.
     */
    void ask(String text, boolean spoken, List<TurnImage> images);

    /**
     * Speaks {@code text} as it is (no model, not added to the conversation), stopping any answer
     * first; stoppable like an answer. Does nothing without a voice ({@link #speaks()}).
     */
    void say(String text);

    /** Whether answers are spoken: the voice and the speaker are loaded. */
    boolean speaks();

    /** Stops the answer being spoken or prepared (barge-in without talking). */
    void stop();

    /** Hands-free: listens by itself and ends each utterance at a pause. Off by default. */
    void setHandsFree(boolean on);

    /** The conversation turns are added to; switching it stops any answer first. */
    Conversation conversation();

    void useConversation(Conversation conversation);

    @Override
    void close();
}
