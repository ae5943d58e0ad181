package dev.parley.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether end punctuation followed by a space really ends a sentence. A chunk cut after "Dr." or
 * "e.g." makes the synthesizer pause and drop its pitch in mid-sentence.
 *
 * <p>Choices where English is ambiguous, each erring towards a longer chunk, which costs little:
 * <ul>
 *   <li>"etc.", "a.m.", "p.m.", "Inc.", "Ltd.", "Co.", "Corp." and "Jr." often close a sentence; they end
 *       one only when a capitalized word follows ("at 3 p.m. we" stays whole, "at 3 p.m. The" splits).
 *   <li>"No.", "p.", "pp.", "vol.", "ch.", "sec.", "fig." and "art." end one unless a number follows
 *       ("see p. 42").
 *   <li>Other abbreviations ("Dr.", "vs.", "e.g.", "U.S." …) and any dotted letters ("U.K.", "J.R.")
 *       never end a sentence.
 *   <li>A single capital letter with a period is taken for an initial ("John F. Kennedy"), so
 *       "Plan B. Then" stays one chunk.
 *   <li>An ellipsis ("..." or "…") is a pause, not an end, whatever follows.
 * </ul>
 */
final class SentenceEnds {

    enum Verdict { END, NOT_END, NEEDS_MORE_TEXT }

    /** Characters that may close a sentence after its punctuation: {@code "Done."}, {@code **Done.**}. */
    static final String CLOSERS = ")]\"'”’»*_";
    /** Characters that may open the next word: {@code "The}, {@code **The}. */
    private static final String OPENERS = "([\"'“‘«*_`";

    private static final Set<String> NEVER_FINAL = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "sr", "vs", "cf", "approx", "dept", "mt",
            "gen", "gov", "sen", "rep", "rev", "capt", "col", "lt", "sgt");
    private static final Set<String> SOMETIMES_FINAL = Set.of(
            "etc", "a.m", "p.m", "inc", "ltd", "co", "corp", "jr");
    private static final Set<String> BEFORE_NUMBERS = Set.of(
            "no", "p", "pp", "vol", "ch", "sec", "fig", "art");
    private static final int NOT_ARRIVED = -1;
    private static final Pattern DOTTED_LETTERS = Pattern.compile("(?:\\p{L}\\.)+\\p{L}");

    private SentenceEnds() {}

    static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    /**
     * Judges the punctuation run {@code [runStart, runEnd)}, which is followed (after closers) by a space
     * or the text end at {@code nextStart}. Words are looked for no further back than {@code unitStart}.
     */
    static Verdict judge(CharSequence text, int unitStart, int runStart, int runEnd, int nextStart, boolean complete) {
        String run = text.subSequence(runStart, runEnd).toString();
        if (run.indexOf('!') >= 0 || run.indexOf('?') >= 0) {
            return Verdict.END;
        }
        if (!run.equals(".")) {
            return Verdict.NOT_END;
        }
        String word = wordBefore(text, unitStart, runStart);
        String lower = word.toLowerCase(Locale.ROOT);
        if (SOMETIMES_FINAL.contains(lower) || BEFORE_NUMBERS.contains(lower)) {
            int next = firstCharOfNextWord(text, nextStart);
            if (next == NOT_ARRIVED) {
                return complete ? Verdict.END : Verdict.NEEDS_MORE_TEXT;
            }
            boolean continues = SOMETIMES_FINAL.contains(lower)
                    ? next != '\n' && !Character.isUpperCase(next)
                    : Character.isDigit(next);
            return continues ? Verdict.NOT_END : Verdict.END;
        }
        boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
        if (NEVER_FINAL.contains(lower) || DOTTED_LETTERS.matcher(word).matches() || initial) {
            return Verdict.NOT_END;
        }
        return Verdict.END;
    }

    /** The word the period is attached to, without surrounding quotes, brackets or emphasis. */
    private static String wordBefore(CharSequence text, int unitStart, int period) {
        int start = period;
        while (start > unitStart && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        int end = period;
        while (start < end && OPENERS.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && CLOSERS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.subSequence(start, end).toString();
    }

    /** The first character of the word after {@code from}, a line end met first, or {@link #NOT_ARRIVED}. */
    private static int firstCharOfNextWord(CharSequence text, int from) {
        for (int at = from; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '\n' || (!Character.isWhitespace(c) && OPENERS.indexOf(c) < 0)) {
                return c;
            }
        }
        return NOT_ARRIVED;
    }
}
