package dev.parley.conversation;

import dev.parley.image.TurnImage;
import java.util.List;

/**
 * One message of a conversation as the model is sent it; reasoning is never part of it. A user
 * message may show the model pictures ({@code images}, empty for every other message). An assistant
 * message may ask for tools ({@code toolCalls}: its requests, with {@code text} said alongside); a
 * {@link Role#TOOL} message is the result of the one call in its {@code toolCalls}, its text that
 * result.
 */
public record Message(Role role, String text, List<TurnImage> images, List<ToolCall> toolCalls) {

    public enum Role { SYSTEM, USER, ASSISTANT, TOOL }

    public Message {
        images = images == null ? List.of() : List.copyOf(images);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (role == Role.TOOL && toolCalls.size() != 1) {
            throw new IllegalArgumentException("a tool result answers exactly one call");
        }
        if (!toolCalls.isEmpty() && role != Role.TOOL && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("only the assistant calls tools");
        }
    }

    public Message(Role role, String text, List<TurnImage> images) {
        this(role, text, images, List.of());
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

    /** The assistant asks for {@code calls}, saying {@code text} (often empty) alongside. */
    public static Message toolRequest(String text, List<ToolCall> calls) {
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("a tool request asks for at least one call");
        }
        return new Message(Role.ASSISTANT, text == null ? "" : text, List.of(), calls);
    }

    /** What {@code call} returned, sent back to the model. */
    public static Message toolResult(ToolCall call) {
        return new Message(Role.TOOL, call.result(), List.of(), List.of(call));
    }

    public boolean hasImages() {
        return !images.isEmpty();
    }

    /** An assistant message that asks for tools. */
    public boolean requestsTools() {
        return role == Role.ASSISTANT && !toolCalls.isEmpty();
    }
}
