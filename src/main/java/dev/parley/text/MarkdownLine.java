package dev.parley.text;

/**
 * Recognizes the block syntax that opens a markdown line: headings, list markers, blockquote markers,
 * table rows, horizontal rules and code fences. Both the whole-text stripper and the streaming chunker
 * use it, the latter on a line whose end may not have arrived yet.
 */
final class MarkdownLine {

    enum Kind {
        PLAIN, BLANK, HEADING, LIST_ITEM, TABLE_ROW, RULE;

        /** Whether the line is a unit of its own, so no chunk may run across its start or end. */
        boolean standsAlone() {
            return this != PLAIN;
        }
    }

    /** A recognized line start: its kind and where the words begin (after any markers). */
    record Start(Kind kind, int contentStart) {}

    /** A code fence: three or more backticks or tildes at the start of a line. */
    record Fence(char mark, int length) {

        /** The fence this line opens, or null if it is not a fence line. */
        static Fence openedBy(CharSequence line) {
            int at = skipBlanks(line, 0);
            if (at == line.length() || (line.charAt(at) != '`' && line.charAt(at) != '~')) {
                return null;
            }
            char mark = line.charAt(at);
            int length = runLength(line, at, mark);
            return length >= 3 ? new Fence(mark, length) : null;
        }

        /** Whether the line closes this fence: only fence marks, at least as many as opened it. */
        boolean isClosedBy(CharSequence line) {
            int at = skipBlanks(line, 0);
            int length = runLength(line, at, mark);
            return length >= this.length && skipBlanks(line, at + length) == line.length();
        }
    }

    /** What {@link #ruleEnd} says while the text ends before a rule is certain or ruled out. */
    private static final int UNDECIDED = -2;

    private MarkdownLine() {}

    /**
     * Recognizes the line starting at {@code from}. Returns null when the text ends before the kind is
     * known and {@code complete} says more text may follow; when complete, the text end counts as the
     * line end.
     */
    static Start classify(CharSequence text, int from, boolean complete) {
        int end = text.length();
        int at = skipBlanks(text, from);
        if (at == end) {
            return complete ? new Start(Kind.BLANK, at) : null;
        }
        char c = text.charAt(at);
        if (c == '\n') {
            return new Start(Kind.BLANK, at);
        }
        if (c == '>') {
            // A listener cannot hear quoting; what follows the markers decides the kind.
            return classify(text, at + 1, complete);
        }
        if (c == '#') {
            return heading(text, at, complete);
        }
        if (c == '-' || c == '*' || c == '_') {
            int ruleEnd = ruleEnd(text, at, c, complete);
            if (ruleEnd == UNDECIDED) {
                return null;
            }
            if (ruleEnd >= 0) {
                return new Start(Kind.RULE, ruleEnd);
            }
        }
        if (c == '-' || c == '*' || c == '+') {
            return bullet(text, at, complete);
        }
        if (isAsciiDigit(c)) {
            return numbered(text, at, complete);
        }
        if (c == '|') {
            return new Start(Kind.TABLE_ROW, at);
        }
        return new Start(Kind.PLAIN, at);
    }

    private static Start heading(CharSequence text, int at, boolean complete) {
        int afterMarks = at + runLength(text, at, '#');
        if (afterMarks == text.length()) {
            return complete ? new Start(Kind.HEADING, afterMarks) : null;
        }
        char next = text.charAt(afterMarks);
        if (afterMarks - at <= 6 && (isBlank(next) || next == '\n')) {
            return new Start(Kind.HEADING, skipBlanks(text, afterMarks));
        }
        return new Start(Kind.PLAIN, at); // "#hashtag", "#1"
    }

    /**
     * The line end of a horizontal rule starting at {@code at} (three or more of one mark, blanks
     * between), {@link #UNDECIDED} if the text ends while it may still become one, or -1.
     */
    private static int ruleEnd(CharSequence text, int at, char mark, boolean complete) {
        int marks = 0;
        int i = at;
        while (i < text.length() && (text.charAt(i) == mark || isBlank(text.charAt(i)))) {
            marks += text.charAt(i) == mark ? 1 : 0;
            i++;
        }
        if (i == text.length() && !complete) {
            return UNDECIDED;
        }
        boolean lineEnds = i == text.length() || text.charAt(i) == '\n';
        return marks >= 3 && lineEnds ? i : -1;
    }

    private static Start bullet(CharSequence text, int at, boolean complete) {
        if (at + 1 == text.length()) {
            return complete ? new Start(Kind.PLAIN, at) : null;
        }
        if (!isBlank(text.charAt(at + 1))) {
            return new Start(Kind.PLAIN, at); // "-5 degrees", "**bold**"
        }
        return listItem(text, skipBlanks(text, at + 1), complete);
    }

    private static Start numbered(CharSequence text, int at, boolean complete) {
        int afterDigits = at;
        while (afterDigits < text.length() && isAsciiDigit(text.charAt(afterDigits))) {
            afterDigits++;
        }
        // A marker is "1." or "1)" followed by a blank; "3.14" and a lone "42." at a line end are text.
        if (afterDigits + 1 >= text.length()) {
            return complete ? new Start(Kind.PLAIN, at) : null;
        }
        char delimiter = text.charAt(afterDigits);
        boolean marker = afterDigits - at <= 9
                && (delimiter == '.' || delimiter == ')')
                && isBlank(text.charAt(afterDigits + 1));
        return marker ? listItem(text, skipBlanks(text, afterDigits + 1), complete) : new Start(Kind.PLAIN, at);
    }

    /** A list item's words start after an optional task box: "[ ]", "[x]" or "[X]" and a blank. */
    private static Start listItem(CharSequence text, int at, boolean complete) {
        int end = text.length();
        if (at == end) {
            return complete ? new Start(Kind.LIST_ITEM, at) : null;
        }
        if (text.charAt(at) != '[') {
            return new Start(Kind.LIST_ITEM, at);
        }
        if (at + 3 >= end) {
            return complete ? new Start(Kind.LIST_ITEM, at) : null;
        }
        char box = text.charAt(at + 1);
        boolean taskBox = (box == ' ' || box == 'x' || box == 'X')
                && text.charAt(at + 2) == ']'
                && isBlank(text.charAt(at + 3));
        return new Start(Kind.LIST_ITEM, taskBox ? skipBlanks(text, at + 3) : at);
    }

    static int skipBlanks(CharSequence text, int from) {
        int at = from;
        while (at < text.length() && isBlank(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int runLength(CharSequence text, int from, char mark) {
        int at = from;
        while (at < text.length() && text.charAt(at) == mark) {
            at++;
        }
        return at - from;
    }

    /** Space within a line; line ends are never blank here because they end the line. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
