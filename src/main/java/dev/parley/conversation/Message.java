package dev.parley.conversation;

import dev.parley.image.TurnImage;
import java.util.List;

/**
 * One turn of a conversation as the user and the model see it; reasoning is never part of it. A
 * user message may show the model pictures ({@code images}, empty for every other message).
 */
public record Message(Role role, String text, List<TurnImage> images) {

    public enum Role { SYSTEM, USER, ASSISTANT }

    public Message {
        images = images == null ? List.of() : List.copyOf(images);
    }

    public Message(Role role, String text) {
        this(role, text, List.of());
    }

    public static Message system(String text) {
        return new Message(Role.SYSTEM, text);
    }

    public static Message user(String text) {
        return new Message(Role.USER, text);
    }

    public static Message user(String text, List<TurnImage> images) {
        return new Message(Role.USER, text, images);
    }

    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, text);
    }

    public boolean hasImages() {
        return !images.isEmpty();
    }
}
