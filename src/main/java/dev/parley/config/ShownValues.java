package dev.parley.config;

/**
 * A value from config.yaml as a message about it shows it: one line, and at most {@link #MAX_CHARS}
 * characters, so a pasted 5,000-character URL or a file damaged into one long line still gives a
 * message that fits the terminal, the log and a Settings field's error label, with its key and line
 * readable. Every message of the config checks that echoes what the user wrote goes through here.
 */
public final class ShownValues {

    /** Enough to recognize a URL or a model name by its start. */
    static final int MAX_CHARS = 60;

    private ShownValues() {}

    /** {@code value} without control or format characters, cut to {@link #MAX_CHARS} with "…". */
    public static String shown(String value) {
        String clean = String.valueOf(value).replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
        return clean.codePointCount(0, clean.length()) <= MAX_CHARS ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, MAX_CHARS - 1)).strip() + "…";
    }

    /** A dotted key as a message names it: each of its names {@link #shown}, as a map's keys are written by the user too. */
    public static String key(String dotted) {
        return java.util.Arrays.stream(dotted.split("\\.", -1)).map(ShownValues::shown)
                .collect(java.util.stream.Collectors.joining("."));
    }

    /** {@link #shown} between single quotes, as the messages quote what the file says. */
    public static String quoted(String value) {
        return "'" + shown(value) + "'";
    }
}
