package dev.parley.text;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Words written as a POSIX shell reads them back, for the commands Parley shows a user to run. */
public final class ShellWords {

    /** Characters no shell treats specially: a word made only of them needs no quotes. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._/@%+=:,-]+");

    private ShellWords() {}

    /** {@code word} as is when that is safe, else in single quotes (a quote in it closed and escaped). */
    public static String quote(String word) {
        return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** The command as one would type it: each word quoted where needed, joined by spaces. */
    public static String command(List<String> words) {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }
}
