package dev.parley.conversation;

import java.util.Arrays;
import java.util.Optional;

/**
 * How an answer ended when the provider, not the model, ended it: cut short at its {@code max-tokens},
 * or stopped by its safety filter. Kept with the answer, so a conversation opened again says so under
 * it as it did live; an answer the model finished (or a user stopped: {@link Turn#interrupted()}) is
 * {@link #WHOLE}, and saved without the field. Its note, the words shown under such an answer, is
 * here rather than in the pipeline, so the Markdown export (which knows no pipeline) says what the
 * terminal and the window say.
 */
public enum AnswerEnd {
    WHOLE(null, null),
    CUT_SHORT("max-tokens", "The answer was cut short at max-tokens."),
    FILTERED("safety-filter", "The provider's safety filter stopped the answer.");

    private final String savedAs;
    private final String note;

    AnswerEnd(String savedAs, String note) {
        this.savedAs = savedAs;
        this.note = note;
    }

    /** The words shown under an answer that ended so; empty for {@link #WHOLE}. */
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    /** The value in a saved conversation's {@code ended} field; empty for {@link #WHOLE}, which has none. */
    Optional<String> savedAs() {
        return Optional.ofNullable(savedAs);
    }

    /**
     * The end a saved {@code ended} field names: none is {@link #WHOLE}, and so is a value a later
     * Parley may write, since the answer's text is what matters and a note is not worth refusing a file.
     */
    static AnswerEnd saved(String value) {
        return Arrays.stream(values()).filter(end -> end.savedAs != null && end.savedAs.equals(value)).findFirst()
                .orElse(WHOLE);
    }
}
