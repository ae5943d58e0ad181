package dev.parley.conversation;

import dev.parley.image.TurnImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One turn as it is kept and saved: what was said, when, the pictures a user turn showed, and for
 * assistant turns whether the reply was cut short, the model's reasoning (shown on request, never
 * sent back to the model), the rounds of tool calls the answer made, each with its results, and
 * whether the provider ended it early ({@link AnswerEnd}).
 *
 * <p>{@code text} is the whole answer as the user got it, including what the model said alongside
 * its tool calls. An assistant turn with tool rounds goes to the model as several messages
 * ({@link #messages()}); it is folded and dropped as one, so a call is never parted from its result.
 */
public record Turn(Message.Role role, String text, Instant at, boolean interrupted, String reasoning,
        List<TurnImage> images, List<ToolRound> toolRounds, AnswerEnd ended) {

    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (role != Message.Role.USER && role != Message.Role.ASSISTANT) {
            throw new IllegalArgumentException("a turn is the user's or the assistant's, not " + role);
        }
        reasoning = reasoning == null || reasoning.isBlank() ? null : reasoning;
        images = images == null ? List.of() : List.copyOf(images);
        toolRounds = toolRounds == null ? List.of() : List.copyOf(toolRounds);
        if (role != Message.Role.USER && !images.isEmpty()) {
            throw new IllegalArgumentException("only the user shows images");
        }
        if (role != Message.Role.ASSISTANT && !toolRounds.isEmpty()) {
            throw new IllegalArgumentException("only the assistant calls tools");
        }
        ended = ended == null ? AnswerEnd.WHOLE : ended;
        if (role != Message.Role.ASSISTANT && ended != AnswerEnd.WHOLE) {
            throw new IllegalArgumentException("only an answer ends " + ended);
        }
    }

    public Turn(Message.Role role, String text, Instant at, boolean interrupted, String reasoning,
            List<TurnImage> images, List<ToolRound> toolRounds) {
        this(role, text, at, interrupted, reasoning, images, toolRounds, AnswerEnd.WHOLE);
    }

    public Turn(Message.Role role, String text, Instant at, boolean interrupted, String reasoning,
            List<TurnImage> images) {
        this(role, text, at, interrupted, reasoning, images, List.of());
    }

    public Turn(Message.Role role, String text, Instant at, boolean interrupted, String reasoning) {
        this(role, text, at, interrupted, reasoning, List.of(), List.of());
    }

    public static Turn user(String text, Instant at) {
        return user(text, List.of(), at);
    }

    public static Turn user(String text, List<TurnImage> images, Instant at) {
        return new Turn(Message.Role.USER, text, at, false, null, images, List.of());
    }

    public static Turn assistant(String text, Instant at, String reasoning, boolean interrupted) {
        return assistant(text, at, reasoning, interrupted, List.of());
    }

    /** An answer that used tools: {@code toolRounds} in the order they ran. */
    public static Turn assistant(String text, Instant at, String reasoning, boolean interrupted,
            List<ToolRound> toolRounds) {
        return assistant(text, at, reasoning, interrupted, toolRounds, AnswerEnd.WHOLE);
    }

    /** An answer the provider may have ended early: {@code ended} says how. */
    public static Turn assistant(String text, Instant at, String reasoning, boolean interrupted,
            List<ToolRound> toolRounds, AnswerEnd ended) {
        return new Turn(Message.Role.ASSISTANT, text, at, interrupted, reasoning, List.of(), toolRounds, ended);
    }

    /**
     * The turn as the model is sent it: a user message; or, for an answer, each tool round (the
     * assistant's request, then one result per call) and then the answer's text after the last round.
     *
     * <p>When {@link #text()} begins with what the rounds said (the usual case), each round carries
     * its own words and the final message the rest; otherwise (an answer cut to what was heard) the
     * rounds carry no words and the final message all of the text, so nothing is said twice. A final
     * message with no text is left out: providers refuse an empty assistant message.
     */
    public List<Message> messages() {
        if (role == Message.Role.USER) {
            return List.of(new Message(role, text, images));
        }
        if (toolRounds.isEmpty()) {
            return List.of(Message.assistant(text));
        }
        String said = roundsText();
        boolean roundsKeepTheirWords = text.startsWith(said);
        String rest = roundsKeepTheirWords ? text.substring(said.length()).strip() : text.strip();
        List<Message> messages = new ArrayList<>();
        toolRounds.forEach(round -> messages.addAll(round.messages(roundsKeepTheirWords)));
        if (!rest.isEmpty()) {
            messages.add(Message.assistant(rest));
        }
        return List.copyOf(messages);
    }

    /** What the rounds said, joined as the answer joins them: one space between rounds. */
    private String roundsText() {
        StringBuilder said = new StringBuilder();
        for (ToolRound round : toolRounds) {
            if (!round.text().isEmpty()) {
                said.append(said.isEmpty() ? "" : " ").append(round.text());
            }
        }
        return said.toString();
    }

    /** Every call of the turn, in order. */
    public List<ToolCall> toolCalls() {
        return toolRounds.stream().flatMap(round -> round.calls().stream()).toList();
    }
}
