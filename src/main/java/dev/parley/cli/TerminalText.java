package dev.parley.cli;

/**
 * Text from outside Parley (a model, a tool, an MCP server, a saved conversation, a provider's error
 * body) made safe to print: a terminal obeys control characters, so an endpoint could retitle it
 * ({@code ESC]0;…BEL}), clear it ({@code ESC[2J}), hide text or ring the bell. Each control character
 * becomes its visible Unicode symbol (ESC shows as ␛), so what was sent stays readable and nothing is
 * obeyed; line breaks and tabs stay, carriage returns go (they would let text overwrite a line).
 */
final class TerminalText {

    /** U+2400.. are the visible pictures of the C0 controls in order; U+2421 is the one for DEL. */
    private static final char CONTROL_PICTURES = '\u2400';
    private static final char DELETE_PICTURE = '\u2421';

    private TerminalText() {}

    static String safe(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t') {
                safe.append(c);
            } else if (c == '\r') {
                continue;
            } else if (c < 0x20) {
                safe.append((char) (CONTROL_PICTURES + c));
            } else if (c == 0x7f) {
                safe.append(DELETE_PICTURE);
            } else if (c >= 0x80 && c <= 0x9f) {
                // C1 controls: some terminals take U+009B alone as ESC[, the start of a command.
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

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
                return false;
            }
        }
        return true;
    }
}
