package dev.parley.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * One turn as it is kept and saved: what was said, when, and for assistant turns whether the reply
 * was cut short and the model's reasoning (shown on request, never sent back to the model).
 */
public record Turn(Message.Role role, String text, Instant at, boolean interrupted, String reasoning) {

    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (role == Message.Role.SYSTEM) {
            throw new IllegalArgumentException("the system prompt is not a turn");
        }
        reasoning = reasoning == null || reasoning.isBlank() ? null : reasoning;
    }

    public static Turn user(String text, Instant at) {
        return new Turn(Message.Role.USER, text, at, false, null);
    }

    public static Turn assistant(String text, Instant at, String reasoning, boolean interrupted) {
        return new Turn(Message.Role.ASSISTANT, text, at, interrupted, reasoning);
    }

    public Message message() {
        return new Message(role, text);
    }
}
