package dev.parley.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Word error rate: word-level edit distance (substitutions, deletions, insertions) over the
 * reference length, after normalizing case and punctuation. Used by the duplex benchmark and by
 * the tests that check what the recognizer heard.
 */
public final class WordErrorRate {

    private WordErrorRate() {}

    /** Edits over reference words; a hypothesis for an empty reference is all error (1). */
    public static double of(String reference, String hypothesis) {
        int words = words(reference).length;
        int edits = edits(reference, hypothesis);
        return words == 0 ? (edits == 0 ? 0 : 1) : edits / (double) words;
    }

    /** The word-level edit distance, so that several utterances can be pooled (sum of edits over sum of words). */
    public static int edits(String reference, String hypothesis) {
        String[] ref = words(reference);
        String[] hyp = words(hypothesis);
        int[][] distance = new int[ref.length + 1][hyp.length + 1];
        for (int i = 0; i <= ref.length; i++) {
            distance[i][0] = i;
        }
        for (int j = 0; j <= hyp.length; j++) {
            distance[0][j] = j;
        }
        for (int i = 1; i <= ref.length; i++) {
            for (int j = 1; j <= hyp.length; j++) {
                int substitution = distance[i - 1][j - 1] + (ref[i - 1].equals(hyp[j - 1]) ? 0 : 1);
                distance[i][j] = Math.min(substitution, Math.min(distance[i - 1][j], distance[i][j - 1]) + 1);
            }
        }
        return distance[ref.length][hyp.length];
    }

    /**
     * How many of {@code reference}'s words {@code hypothesis} holds in the same order (their longest
     * common subsequence): what survives of a sentence when some of its words were misheard.
     */
    public static int wordsInOrder(String reference, String hypothesis) {
        String[] want = words(reference);
        String[] got = words(hypothesis);
        int[][] common = new int[want.length + 1][got.length + 1];
        for (int i = 1; i <= want.length; i++) {
            for (int j = 1; j <= got.length; j++) {
                common[i][j] = want[i - 1].equals(got[j - 1])
                        ? common[i - 1][j - 1] + 1
                        : Math.max(common[i - 1][j], common[i][j - 1]);
            }
        }
        return common[want.length][got.length];
    }

    /** The normalized words of {@code text}: lower case, letters, digits and apostrophes. */
    public static String[] words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").trim().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .toArray(String[]::new);
    }
}
