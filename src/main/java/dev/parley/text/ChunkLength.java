package dev.parley.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits speech text that is longer than a chunk may be: at the last clause boundary (, ; : or a spaced
 * dash) within the bound, else at the last space, and only inside a word when one word alone exceeds the
 * bound. The chunker already cuts its markdown at such places; this is the final guarantee for the
 * speech the markdown became.
 */
final class ChunkLength {

    private ChunkLength() {}

    /** The pieces of whitespace-normalized {@code speech}, none longer than {@code maxChars}. */
    static List<String> split(String speech, int maxChars) {
        List<String> pieces = new ArrayList<>();
        String rest = speech;
        while (rest.length() > maxChars) {
            int cut = lastClauseBoundary(rest, maxChars);
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', maxChars);
            }
            if (cut <= 0) {
                cut = Character.isHighSurrogate(rest.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
            }
            pieces.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /** The last space within the bound that follows clause punctuation; the text before it ends there. */
    private static int lastClauseBoundary(String text, int maxChars) {
        for (int space = Math.min(maxChars, text.length() - 1); space > 0; space--) {
            if (text.charAt(space) == ' ' && endsClause(text, space)) {
                return space;
            }
        }
        return -1;
    }

    private static boolean endsClause(String text, int space) {
        char before = text.charAt(space - 1);
        if (before == ',' || before == ';' || before == ':') {
            return true;
        }
        boolean dash = before == '-' || before == '–' || before == '—';
        return dash && space >= 2 && text.charAt(space - 2) == ' ';
    }
}
