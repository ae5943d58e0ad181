package dev.parley.pipeline;

import dev.parley.llm.FinishReason;

/**
 * What happens during a turn, as typed events: the one stream the CLI, the desktop window and a
 * future control API render. Every event names its turn, so a late event of a turn that was
 * replaced can be told apart from the current one.
 */
public sealed interface TurnEvent {

    long turn();

    /** The user's words are in (typed, or recognized from speech) and the model is asked. */
    record Started(long turn, String userText, String provider) implements TurnEvent {}

    /** Answer text as it streams; reasoning never arrives here. */
    record Text(long turn, String delta) implements TurnEvent {}

    /** Reasoning as it streams: shown on request, never spoken. */
    record Reasoning(long turn, String delta) implements TurnEvent {}

    /** The model asked for a tool; {@code arguments} as JSON. */
    record ToolCallStarted(long turn, String tool, String arguments) implements TurnEvent {}

    /** A tool ran; {@code result} is what went back to the model (an "error: ..." text on failure). */
    record ToolCallFinished(long turn, String tool, String arguments, String result) implements TurnEvent {}

    /**
     * The model's text is over: no more {@link Text} comes. A spoken answer is still being synthesized
     * and played until {@link Completed}, which may be most of the time it is heard; an answer the model
     * broke off midway is played as far as it came, then ends in {@link Failed}.
     */
    record Written(long turn) implements TurnEvent {}

    /** A speakable piece of the answer, handed to the voice. */
    record Chunk(long turn, String text) implements TurnEvent {}

    /**
     * The answer is complete and recorded (a spoken one fully synthesized; it may still be playing).
     * {@code provider} answered (a fallback, perhaps); tokens are -1 where not reported;
     * {@code finishReason} says why the model stopped (what the user is told of it: {@link EndingNotices}).
     * The turn's timings come once it ends, from the turn controller's waterfall.
     */
    record Completed(long turn, String reply, String reasoning, String provider, int inputTokens, int outputTokens,
            FinishReason finishReason) implements TurnEvent {

        public Completed {
            finishReason = finishReason != null ? finishReason : FinishReason.UNKNOWN;
        }

        /** An answer whose end was not reported. */
        public Completed(long turn, String reply, String reasoning, String provider, int inputTokens,
                int outputTokens) {
            this(turn, reply, reasoning, provider, inputTokens, outputTokens, FinishReason.UNKNOWN);
        }
    }

    /**
     * The turn failed. {@code partialAnswer} is what was already streamed (and perhaps spoken), often
     * empty; when it is not, the answer was cut off and the conversation keeps it, marked interrupted.
     */
    record Failed(long turn, String message, String partialAnswer) implements TurnEvent {}
}
