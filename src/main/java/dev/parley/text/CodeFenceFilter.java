package dev.parley.text;

/**
 * Removes fenced code blocks from streamed markdown, fences included. A block may arrive over many
 * pieces and may never be closed; either way none of it is passed on.
 *
 * <p>Ordinary text passes through as it arrives. Only the start of a line is held back while it could
 * still open a fence (blanks, then up to two backticks or tildes), which is a few characters at most.
 * A removed block leaves one line break behind, so together with the break before it the text around it
 * reads as separate paragraphs rather than one sentence.
 */
final class CodeFenceFilter {

    /** The current line, kept while it may open a fence, or while it is inside a code block. */
    private final StringBuilder line = new StringBuilder();
    /** The current line is known to be ordinary text and is passed on as it arrives. */
    private boolean lineIsText;
    /** The fence of the code block being removed, or null outside code. */
    private MarkdownLine.Fence openFence;

    /** Appends to {@code out} the text of {@code piece} that is known to lie outside code. */
    void push(CharSequence piece, StringBuilder out) {
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (c != '\r') { // "\r\n" and "\n" end lines alike
                accept(c, out);
            }
        }
    }

    /** Ends the stream: releases a held-back line start to {@code out} and drops an unterminated block. */
    void finish(StringBuilder out) {
        if (openFence == null && !lineIsText && MarkdownLine.Fence.openedBy(line) == null) {
            out.append(line);
        }
        line.setLength(0);
        lineIsText = false;
        openFence = null;
    }

    private void accept(char c, StringBuilder out) {
        if (c == '\n') {
            endLine(out);
        } else if (lineIsText) {
            out.append(c);
        } else {
            line.append(c);
            if (openFence == null && !mayOpenFence(line)) {
                out.append(line);
                line.setLength(0);
                lineIsText = true;
            }
        }
    }

    private void endLine(StringBuilder out) {
        if (openFence != null) {
            if (openFence.isClosedBy(line)) {
                openFence = null;
                out.append('\n');
            }
        } else if (lineIsText) {
            out.append('\n');
        } else {
            openFence = MarkdownLine.Fence.openedBy(line);
            if (openFence == null) {
                out.append(line).append('\n');
            }
        }
        line.setLength(0);
        lineIsText = false;
    }

    /** Whether a line that starts like this may be, or already is, a fence line. */
    private static boolean mayOpenFence(CharSequence start) {
        int at = MarkdownLine.skipBlanks(start, 0);
        if (at == start.length()) {
            return true;
        }
        char mark = start.charAt(at);
        if (mark != '`' && mark != '~') {
            return false;
        }
        int marks = 0;
        while (at + marks < start.length() && start.charAt(at + marks) == mark) {
            marks++;
        }
        return marks >= 3 || at + marks == start.length();
    }
}
