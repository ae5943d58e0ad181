package dev.parley.conversation;

import dev.parley.image.TurnImage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One turn as it is kept and saved: what was said, when, the pictures a user turn showed, and for
 * assistant turns whether the reply was cut short and the model's reasoning (shown on request, never
 * sent back to the model).
 */
public record Turn(Message.Role role, String text, Instant at, boolean interrupted, String reasoning,
        List<TurnImage> images) {

    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (role == Message.Role.SYSTEM) {
            throw new IllegalArgumentException("the system prompt is not a turn");
        }
        reasoning = reasoning == null || reasoning.isBlank() ? null : reasoning;
        images = images == null ? List.of() : List.copyOf(images);
        if (role != Message.Role.USER && !images.isEmpty()) {
            throw new IllegalArgumentException("only the user shows images");
        }
    }

    public Turn(Message.Role role, String text, Instant at, boolean interrupted, String reasoning) {
        this(role, text, at, interrupted, reasoning, List.of());
    }

    public static Turn user(String text, Instant at) {
        return user(text, List.of(), at);
    }

    public static Turn user(String text, List<TurnImage> images, Instant at) {
        return new Turn(Message.Role.USER, text, at, false, null, images);
    }

    public static Turn assistant(String text, Instant at, String reasoning, boolean interrupted) {
        return new Turn(Message.Role.ASSISTANT, text, at, interrupted, reasoning);
    }

    public Message message() {
        return new Message(role, text, images);
    }
}
