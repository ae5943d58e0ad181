package dev.parley.cli;

/**
 * Text from outside Parley (a model, a tool, an MCP server, a saved conversation, a provider's error
 * body) made safe to print: a terminal obeys control characters, so an endpoint could retitle it
 * ({@code ESC]0;…BEL}), clear it ({@code ESC[2J}), hide text or ring the bell. Each control character
 * becomes its visible Unicode symbol (ESC shows as ␛), so what was sent stays readable and nothing is
 * obeyed; line breaks and tabs stay, carriage returns go (they would let text overwrite a line), and
 * direction overrides become \uFFFD.
 */
final class TerminalText {

    /** U+2400.. are the visible pictures of the C0 controls in order; U+2421 is the one for DEL. */
    private static final char CONTROL_PICTURES = '\u2400';
    private static final char DELETE_PICTURE = '\u2421';
    private static final char NEWLINE_PICTURE = '\u2424';

    private TerminalText() {}

    static String safe(String text) {
        return text == null || isClean(text, false) ? text : defused(text, false);
    }

    /**
     * {@link #safe} for a name or other one-line value (a file, model or conversation name): its line
     * breaks and tabs are shown too (as ␤ and ␉), so it cannot start a line that looks like Parley's own.
     */
    static String oneLine(String text) {
        return text == null || isClean(text, true) ? text : defused(text, true);
    }

    private static String defused(String text, boolean oneLine) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && !oneLine) {
                continue;
            } else if ((c == '\n' || c == '\t') && !oneLine) {
                safe.append(c);
            } else if (c == '\u2028' || c == '\u2029') {
                // Unicode's line and paragraph separators: some terminals break the line, most show nothing.
                safe.append(oneLine ? NEWLINE_PICTURE : '\n');
            } else if (c < 0x20) {
                safe.append((char) (CONTROL_PICTURES + c));
            } else if (c == 0x7f) {
                safe.append(DELETE_PICTURE);
            } else if ((c >= 0x80 && c <= 0x9f) || isDirectionOverride(c)) {
                // C1 controls: some terminals take U+009B alone as ESC[, the start of a command. Direction
                // overrides make text show in another order than it is read ("Trojan source").
                safe.append('\uFFFD');
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    /** At most {@code limit} characters of {@code text}, "..." marking a cut: a pasted megabyte is not echoed back. */
    static String shortened(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
    }

    private static boolean isClean(String text, boolean oneLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && (oneLine || (c != '\n' && c != '\t'))) || (c >= 0x7f && c <= 0x9f)
                    || c == '\u2028' || c == '\u2029' || isDirectionOverride(c)) {
                return false;
            }
        }
        return true;
    }

    /** The explicit embeddings, overrides and isolates; ordinary right-to-left text needs none of them. */
    private static boolean isDirectionOverride(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
