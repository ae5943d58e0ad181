package dev.parley.llm;

import java.util.List;
import java.util.Objects;

/**
 * Separates inline reasoning from the answer in a streamed reply. Reasoning models (DeepSeek-R1, Qwen and
 * others) write {@code <think>…</think>} or {@code <thinking>…</thinking>} into the text itself; what lies
 * inside must be shown at most, never spoken.
 *
 * <p>Such a block counts as reasoning only at the start of the reply (after optional whitespace, and
 * possibly several blocks in a row): that is where these models write it. Once the answer has begun,
 * tags are text like any other, so an answer that mentions {@code <think>} or {@code </think>} (the user
 * asked about them, or the model echoes the question) is said and shown whole rather than losing its
 * rest to a block that never closes. A {@code </think>} with no block open is text too, for the same
 * reason; a server that puts the opening tag into its prompt template therefore shows that reasoning
 * and the tag as the answer, which at least says what happened.
 *
 * <p>Tags match case-insensitively and may be split across pieces at any character, so while the reply
 * could still be starting with a tag (or a block could still be closing), the tail that could grow into
 * one is held back until the next piece shows whether it does. Once the answer has begun nothing is held
 * back.
 *
 * <p>The answer never starts with whitespace: blanks before and between leading blocks are dropped, so
 * {@code "<think>…</think>\n\nHi"} reads {@code "Hi"}.
 *
 * <p>One filter serves one stream at a time; {@link #finish()} makes it ready for the next.
 */
public final class ThinkFilter {

    /** Text that is now certain: the part to answer with and the part that was reasoning. */
    public record Split(String answer, String reasoning) {

        public static final Split EMPTY = new Split("", "");

        public Split {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(reasoning, "reasoning");
        }

        public boolean isEmpty() {
            return answer.isEmpty() && reasoning.isEmpty();
        }
    }

    private enum Place {
        /** Before the answer: blanks are skipped and a think block may open. */
        START,
        /** Inside a leading think block: only its closing tag means anything. */
        IN_BLOCK,
        /** The answer has begun: everything is answer text, tags included. */
        ANSWER
    }

    private static final List<String> OPENING_TAGS = List.of("<think>", "<thinking>");
    private static final List<String> CLOSING_TAGS = List.of("</think>", "</thinking>");

    private String heldBack = "";
    private Place place = Place.START;

    /** Takes the next streamed piece and returns the answer and reasoning text it made certain. */
    public Split push(String piece) {
        String text = heldBack + piece;
        heldBack = "";
        if (place == Place.ANSWER) {
            return text.isEmpty() ? Split.EMPTY : new Split(text, "");
        }
        StringBuilder answer = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        int at = 0;
        while (at < text.length() && place != Place.ANSWER) {
            if (text.charAt(at) == '<') {
                String tag = tagAt(text, at);
                if (tag != null) {
                    place = place == Place.START ? Place.IN_BLOCK : Place.START;
                    at += tag.length();
                    continue;
                }
                if (couldBecomeTag(text, at)) {
                    heldBack = text.substring(at);
                    return split(answer, reasoning);
                }
            }
            emit(text.charAt(at), answer, reasoning);
            at++;
        }
        answer.append(text, at, text.length());
        return split(answer, reasoning);
    }

    /**
     * Ends the stream: text held back as a possible tag start is released, and the content of a think
     * block that was never closed stays reasoning.
     */
    public Split finish() {
        StringBuilder answer = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        for (int at = 0; at < heldBack.length(); at++) {
            emit(heldBack.charAt(at), answer, reasoning);
        }
        heldBack = "";
        place = Place.START;
        return split(answer, reasoning);
    }

    /** The tags that mean something here: at the start an opening one, inside a block its end. */
    private List<String> tagsInEffect() {
        return place == Place.IN_BLOCK ? CLOSING_TAGS : OPENING_TAGS;
    }

    /** The tag (as spelled in the lists above) that starts at {@code at}, or null. */
    private String tagAt(String text, int at) {
        for (String tag : tagsInEffect()) {
            if (text.regionMatches(true, at, tag, 0, tag.length())) {
                return tag;
            }
        }
        return null;
    }

    /** Whether the text from {@code at} to its end is a proper beginning of a tag. */
    private boolean couldBecomeTag(String text, int at) {
        int rest = text.length() - at;
        for (String tag : tagsInEffect()) {
            if (rest < tag.length() && text.regionMatches(true, at, tag, 0, rest)) {
                return true;
            }
        }
        return false;
    }

    private void emit(char c, StringBuilder answer, StringBuilder reasoning) {
        if (place == Place.IN_BLOCK) {
            reasoning.append(c);
            return;
        }
        if (place == Place.START && Character.isWhitespace(c)) {
            return;
        }
        place = Place.ANSWER;
        answer.append(c);
    }

    private static Split split(StringBuilder answer, StringBuilder reasoning) {
        if (answer.isEmpty() && reasoning.isEmpty()) {
            return Split.EMPTY;
        }
        return new Split(answer.toString(), reasoning.toString());
    }
}
