package dev.parley.pipeline;

import dev.parley.conversation.AnswerEnd;
import dev.parley.llm.FinishReason;
import java.util.Optional;

/**
 * The one place for what the user is told when an answer ended before the model was done with it:
 * the provider cut it short at {@code max-tokens}, or its safety filter stopped it. The words shown
 * (the terminal, the window under the answer, live or opened again, and the Markdown export:
 * {@link AnswerEnd} keeps the end with the answer, and holds these words so the export can use them)
 * and the sentence spoken after a spoken answer. Any other finish says nothing; a turn the user
 * stopped never completes, so it gets no notice either.
 */
public final class EndingNotices {

    /** Shown under an answer the provider stopped at its {@code max-tokens}. */
    public static final String CUT_SHORT = AnswerEnd.CUT_SHORT.note().orElseThrow();
    /** Shown under an answer the provider's safety filter (or the model's refusal) ended. */
    public static final String FILTERED = AnswerEnd.FILTERED.note().orElseThrow();
    /** Said after a spoken answer the provider stopped at its {@code max-tokens}. */
    public static final String SPOKEN_CUT_SHORT = "That answer was cut short.";
    /** Said after a spoken answer the provider's safety filter ended. */
    public static final String SPOKEN_FILTERED = "The provider's safety filter stopped that answer.";

    private EndingNotices() {}

    /** The note shown with an answer that ended for {@code reason}, if its text may not be the whole answer. */
    public static Optional<String> written(FinishReason reason) {
        return written(ended(reason));
    }

    /** The note shown with an answer that {@code ended} so: live, or opened again from a saved conversation. */
    public static Optional<String> written(AnswerEnd ended) {
        return ended.note();
    }

    /** The sentence said after a spoken answer that ended for {@code reason}, if it may not be the whole answer. */
    public static Optional<String> spoken(FinishReason reason) {
        return switch (ended(reason)) {
            case CUT_SHORT -> Optional.of(SPOKEN_CUT_SHORT);
            case FILTERED -> Optional.of(SPOKEN_FILTERED);
            case WHOLE -> Optional.empty();
        };
    }

    /** How an answer that ended for {@code reason} is kept in the conversation. */
    public static AnswerEnd ended(FinishReason reason) {
        return switch (reason) {
            case LENGTH -> AnswerEnd.CUT_SHORT;
            case CONTENT_FILTER -> AnswerEnd.FILTERED;
            case STOP, OTHER, UNKNOWN -> AnswerEnd.WHOLE;
        };
    }
}
