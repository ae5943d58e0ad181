package dev.parley.text;

/**
 * The characters that text from outside Parley may carry and that a display obeys instead of showing:
 * the one list the terminal output ({@code cli.TerminalText}), the API's JSON and config quoting use.
 */
public final class UnicodeControls {

    private UnicodeControls() {}

    /** C1 controls: some terminals take U+009B alone as ESC[, the start of a command. */
    public static boolean isC1(int c) {
        return c >= 0x80 && c <= 0x9F;
    }

    /** Unicode's line and paragraph separators, which some terminals and editors break a line at. */
    public static boolean isUnicodeLineSeparator(int c) {
        return c == '\u2028' || c == '\u2029';
    }

    /** Every character YAML (and a reader of text) ends a line at: line feed, carriage return, NEL, U+2028/9. */
    public static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x85 || isUnicodeLineSeparator(c);
    }

    /**
     * The explicit direction embeddings, overrides and isolates: they make text show in another order
     * than it is read ("Trojan source"); ordinary right-to-left text needs none of them.
     */
    public static boolean isDirectionControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
