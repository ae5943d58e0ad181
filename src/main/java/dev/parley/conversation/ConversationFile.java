package dev.parley.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.image.TurnImage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON layout of a saved conversation. Timestamps are ISO-8601 strings so the files stay
 * readable and diffable; {@code context-start} says which turns are covered by the summary.
 * {@code system-prompt} is the template as written, so a restored conversation fills it afresh.
 * A user turn that showed pictures lists their file names under {@code images} (the files are in
 * {@link ConversationImages}); files saved before images existed have none and load as they did.
 * An answer that used tools lists its {@code tool-rounds}: the text said alongside each round's calls,
 * then every call's {@code id}, {@code name}, {@code arguments} (JSON text) and {@code result}; files
 * saved before tool calls were kept have none and load as they did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConversationFile(
        @JsonProperty(value = "format", required = true) int format,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "created", required = true) String created,
        @JsonProperty(value = "updated", required = true) String updated,
        @JsonProperty("system-prompt") String systemPrompt,
        @JsonProperty("summary") String summary,
        @JsonProperty("context-start") int contextStart,
        @JsonProperty(value = "turns", required = true) List<TurnEntry> turns) {

    static final int FORMAT = 1;

    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    record TurnEntry(
            @JsonProperty(value = "role", required = true) String role,
            // Always written, though empty: an answer stopped after its tools ran, before it said anything,
            // has no text, and the class's NON_DEFAULT left the field out, so the file did not load. Not
            // required when read, so files saved so (2026-12-04 to -07) load; toTurn checks it instead.
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("text") String text,
            @JsonProperty(value = "at", required = true) String at,
            @JsonProperty("interrupted") boolean interrupted,
            @JsonProperty("reasoning") String reasoning,
            @JsonProperty("images") List<String> images,
            @JsonProperty("tool-rounds") List<ToolRoundEntry> toolRounds,
            @JsonProperty("ended") String ended) {

        static TurnEntry of(Turn turn) {
            List<String> names = turn.images().stream().map(TurnImage::fileName).toList();
            List<ToolRoundEntry> rounds = turn.toolRounds().stream().map(ToolRoundEntry::of).toList();
            return new TurnEntry(turn.role().name().toLowerCase(java.util.Locale.ROOT), turn.text(),
                    turn.at().toString(), turn.interrupted(), turn.reasoning(), names.isEmpty() ? null : names,
                    rounds.isEmpty() ? null : rounds, turn.ended().savedAs().orElse(null));
        }

        /** {@code pictures}: the image saved under a name, or empty when it is gone. */
        Turn toTurn(Function<String, Optional<TurnImage>> pictures) {
            Message.Role parsed = switch (role) {
                case "user" -> Message.Role.USER;
                case "assistant" -> Message.Role.ASSISTANT;
                default -> throw new IllegalArgumentException("unknown role '" + role + "' (user or assistant)");
            };
            List<TurnImage> shown = images == null ? List.of()
                    : images.stream().map(pictures).flatMap(Optional::stream).toList();
            List<ToolRound> rounds = toolRounds == null ? List.of()
                    : toolRounds.stream().map(ToolRoundEntry::toRound).toList();
            // Only an answer whose tools ran was ever saved without its (empty) text; any other turn lacking
            // one is not a turn Parley wrote.
            if (text == null && (parsed != Message.Role.ASSISTANT || rounds.isEmpty())) {
                throw new IllegalArgumentException("a " + role + " turn without its text");
            }
            return new Turn(parsed, text == null ? "" : text, Instant.parse(at), interrupted, reasoning, shown,
                    rounds, parsed == Message.Role.ASSISTANT ? AnswerEnd.saved(ended) : AnswerEnd.WHOLE);
        }
    }

    /** One round of an answer's tool calls: what the model said alongside, then each call with its result. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ToolRoundEntry(
            @JsonProperty("text") String text,
            @JsonProperty(value = "calls", required = true) List<ToolCallEntry> calls) {

        static ToolRoundEntry of(ToolRound round) {
            return new ToolRoundEntry(round.text(), round.calls().stream().map(ToolCallEntry::of).toList());
        }

        ToolRound toRound() {
            if (calls == null) {
                throw new IllegalArgumentException("a tool round without calls");
            }
            return new ToolRound(text, calls.stream().map(ToolCallEntry::toCall).toList());
        }
    }

    record ToolCallEntry(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "arguments", required = true) String arguments,
            @JsonProperty(value = "result", required = true) String result) {

        static ToolCallEntry of(ToolCall call) {
            return new ToolCallEntry(call.id(), call.name(), call.arguments(), call.result());
        }

        ToolCall toCall() {
            return new ToolCall(id, name, arguments, result);
        }
    }

    /** {@code turns}: the conversation's turns as the caller took them, so the file and its images agree. */
    static ConversationFile of(String name, Conversation conversation, List<Turn> turns, Instant updated) {
        return new ConversationFile(FORMAT, name, conversation.created().toString(), updated.toString(),
                conversation.systemPrompt(), conversation.summary(), conversation.contextStart(),
                turns.stream().map(TurnEntry::of).toList());
    }

    /** The conversation without its pictures: enough to check the file and list it. */
    Conversation toConversation() {
        return toConversation(PromptFiller.VERBATIM, name -> Optional.empty());
    }

    Conversation toConversation(PromptFiller filler, Function<String, Optional<TurnImage>> pictures) {
        // A later format may hold what this build does not know (unknown fields are skipped when read):
        // continuing it here would save it back as format 1 without them.
        if (format < 1 || format > FORMAT) {
            throw new IllegalArgumentException("it is in format " + format + ", and this Parley reads format " + FORMAT
                    + (format > FORMAT ? "; a newer Parley wrote it" : ""));
        }
        // "turns": null reads as null, not as a missing field, and would end in a NullPointerException's message.
        if (turns == null) {
            throw new IllegalArgumentException("its turns are null, not a list");
        }
        return Conversation.restore(systemPrompt, Instant.parse(created), summary, contextStart,
                turns.stream().map(entry -> entry.toTurn(pictures)).toList(), filler);
    }
}
