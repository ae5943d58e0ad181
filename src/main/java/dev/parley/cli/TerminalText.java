package dev.parley.cli;

import dev.parley.text.UnicodeControls;

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
        return defused(text, false);
    }

    /**
     * {@link #safe} for a name or other one-line value (a file, model or conversation name): its line
     * breaks and tabs are shown too (as ␤ and ␉), so it cannot start a line that looks like Parley's own.
     */
    static String oneLine(String text) {
        return defused(text, true);
    }

    /** {@code text} itself when every character is {@link #kept}, so clean text costs no copy. */
    private static String defused(String text, boolean oneLine) {
        if (text == null || text.chars().allMatch(c -> kept((char) c, oneLine))) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (kept(c, oneLine)) {
                safe.append(c);
            } else if (c == '\r' && !oneLine) {
                continue; // it would let text overwrite the line
            } else if (UnicodeControls.isUnicodeLineSeparator(c)) {
                // Some terminals break the line there, most show nothing.
                safe.append(oneLine ? NEWLINE_PICTURE : '\n');
            } else if (c < 0x20) {
                safe.append((char) (CONTROL_PICTURES + c));
            } else if (c == 0x7f) {
                safe.append(DELETE_PICTURE);
            } else { // C1 controls and direction controls
                safe.append('\uFFFD');
            }
        }
        return safe.toString();
    }

    /** Printed as it is: no control character, except a line feed or tab in multi-line text. */
    private static boolean kept(char c, boolean oneLine) {
        if (c == '\n' || c == '\t') {
            return !oneLine;
        }
        return c >= 0x20 && c != 0x7f && !UnicodeControls.isC1(c) && !UnicodeControls.isUnicodeLineSeparator(c)
                && !UnicodeControls.isDirectionControl(c);
    }

    /** At most {@code limit} characters of {@code text}, "..." marking a cut: a pasted megabyte is not echoed back. */
    static String shortened(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
    }
}
