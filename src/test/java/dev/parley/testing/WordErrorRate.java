package dev.parley.testing;

import java.util.Arrays;
import java.util.Locale;

/** Word error rate: word-level edit distance over the reference length, after normalizing case and punctuation. */
public final class WordErrorRate {

    private WordErrorRate() {}

    public static double of(String reference, String hypothesis) {
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
        return ref.length == 0 ? (hyp.length == 0 ? 0 : 1) : distance[ref.length][hyp.length] / (double) ref.length;
    }

    private static String[] words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").trim().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .toArray(String[]::new);
    }
}
