package dev.parley.tts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Long numbers written so MaryTTS says their digits. MaryTTS expands a number into words through a
 * {@code double}: from 19 digits on it fails ("Cannot syllabify empty phone string", logged as an
 * ERROR) and the number is left out of the speech, and from 16 digits on the words it says are not
 * the digits written (a double holds 15 to 17 of them exactly). A number that long is an account,
 * card or order number, which a person reads digit by digit, so that is how it is spoken: "1 2 3 4,
 * 5 6 7 8, ..." in groups of four (or in the groups its commas make), the commas giving short pauses.
 */
final class LongNumbers {

    /** Digits up to here are said as a number ("nine hundred ninety-nine trillion ..."), exactly. */
    static final int LONGEST_SAID_AS_A_NUMBER = 15;

    /**
     * A run of digits, or digits grouped by thousands commas ("12,345,678"), not the fraction after a
     * decimal point ("3.14159...", which MaryTTS already reads digit by digit).
     */
    private static final Pattern NUMBER = Pattern.compile("(?<!\\d)(?<!\\d\\.)(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?!\\d)");
    private static final int GROUP = 4;

    private LongNumbers() {}

    /** {@code text} with each number of more than {@link #LONGEST_SAID_AS_A_NUMBER} digits spelled out digit by digit. */
    static String spelledOut(String text) {
        Matcher number = NUMBER.matcher(text);
        StringBuilder result = null;
        int copied = 0;
        while (number.find()) {
            String digits = number.group().replace(",", "");
            if (digits.length() <= LONGEST_SAID_AS_A_NUMBER) {
                continue;
            }
            if (result == null) {
                result = new StringBuilder(text.length() * 2);
            }
            result.append(text, copied, number.start()).append(digitByDigit(number.group()));
            copied = number.end();
        }
        return result == null ? text : result.append(text, copied, text.length()).toString();
    }

    private static String digitByDigit(String number) {
        String[] groups = number.contains(",") ? number.split(",") : inGroupsOfFour(number);
        StringBuilder spoken = new StringBuilder();
        for (String group : groups) {
            if (!spoken.isEmpty()) {
                spoken.append(", ");
            }
            spoken.append(String.join(" ", group.split("")));
        }
        return spoken.toString();
    }

    private static String[] inGroupsOfFour(String digits) {
        String[] groups = new String[(digits.length() + GROUP - 1) / GROUP];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = digits.substring(i * GROUP, Math.min(digits.length(), (i + 1) * GROUP));
        }
        return groups;
    }
}
