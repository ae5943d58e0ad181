package dev.parley.llm;

import java.util.List;
import java.util.Objects;

/**
 * Separates inline reasoning from the answer in a streamed reply. Reasoning models (DeepSeek-R1, Qwen and
 * others) write {@code <think>…</think>} or {@code <thinking>…</thinking>} into the text itself; what lies
 * inside must be shown at most, never spoken.
 *
 * <p>Tags match case-insensitively and may be split across pieces at any character, so a piece's tail
 * that could still grow into a tag is held back until the next piece shows whether it does. Nothing else
 * is held back: {@code "a < b"} comes out as soon as the character after {@code <} rules a tag out.
 *
 * <p>A {@code </think>} without an opening tag is removed and never spoken. Some servers put the opening
 * tag into the prompt template, so the text before such a tag is really reasoning; telling that apart
 * would mean holding back every answer until its end in case a closing tag follows, which costs the
 * first audio its head start. The reasoning before a stray closing tag is therefore spoken, the tag
 * itself is not.
 *
 * <p>The answer never starts with whitespace, and whitespace right after a think block is dropped when
 * the answer so far is empty or already ends in whitespace, so {@code "<think>…</think>\n\nHi"} reads
 * {@code "Hi"} and {@code "Hi <think>…</think> there"} reads {@code "Hi there"}.
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

    private static final List<String> OPENING_TAGS = List.of("<think>", "<thinking>");
    private static final List<String> CLOSING_TAGS = List.of("</think>", "</thinking>");
    private static final List<String> ALL_TAGS = List.of("<think>", "<thinking>", "</think>", "</thinking>");

    private String heldBack = "";
    private boolean inThinkBlock;
    private boolean answerEndsInBlank = true;
    private boolean skippingBlanks = true;

    /** Takes the next streamed piece and returns the answer and reasoning text it made certain. */
    public Split push(String piece) {
        String text = heldBack + piece;
        heldBack = "";
        StringBuilder answer = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            if (text.charAt(at) == '<') {
                String tag = tagAt(text, at);
                if (tag != null) {
                    enterOrLeave(tag);
                    at += tag.length();
                    continue;
                }
                if (couldBecomeTag(text, at)) {
                    heldBack = text.substring(at);
                    break;
                }
            }
            emit(text.charAt(at), answer, reasoning);
            at++;
        }
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
        inThinkBlock = false;
        answerEndsInBlank = true;
        skippingBlanks = true;
        return split(answer, reasoning);
    }

    /** Tags that mean something here: inside a block only its end; outside, a start or a stray end. */
    private List<String> tagsInEffect() {
        return inThinkBlock ? CLOSING_TAGS : ALL_TAGS;
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

    private void enterOrLeave(String tag) {
        if (OPENING_TAGS.contains(tag)) {
            inThinkBlock = true;
        } else {
            // A closing tag, matched or stray: the answer resumes here.
            inThinkBlock = false;
            skippingBlanks = answerEndsInBlank;
        }
    }

    private void emit(char c, StringBuilder answer, StringBuilder reasoning) {
        if (inThinkBlock) {
            reasoning.append(c);
            return;
        }
        boolean blank = Character.isWhitespace(c);
        if (blank && skippingBlanks) {
            return;
        }
        skippingBlanks = false;
        answerEndsInBlank = blank;
        answer.append(c);
    }

    private static Split split(StringBuilder answer, StringBuilder reasoning) {
        if (answer.isEmpty() && reasoning.isEmpty()) {
            return Split.EMPTY;
        }
        return new Split(answer.toString(), reasoning.toString());
    }
}
