package dev.parley.conversation;

/** One turn of a conversation as the user and the model see it; reasoning is never part of it. */
public record Message(Role role, String text) {

    public enum Role { SYSTEM, USER, ASSISTANT }

    public static Message system(String text) {
        return new Message(Role.SYSTEM, text);
    }

    public static Message user(String text) {
        return new Message(Role.USER, text);
    }

    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, text);
    }
}
