package dev.parley.text;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Finds where chunks end in code-free markdown that arrives piece by piece, and hands on the markdown of
 * each chunk: at sentence ends, around lines that stand alone (headings, list items, table rows, rules,
 * paragraph breaks), at a clause boundary when the owner asks for an early end, and at the last clause
 * boundary or space when a chunk would outgrow the bound.
 *
 * <p>Every cut is decided from the text before it plus the few characters after it that settle it ("."
 * then a space and a capital; a newline then the next line's marker). Until those have arrived the scan
 * waits where it is, so the cuts do not depend on how the text was split into pieces, and each character
 * is looked at about once. Decisions never look back past the start of the current chunk.
 */
final class ChunkBoundaries {

    /** Words that open a clause: before them a speaker may pause. */
    private static final Set<String> CONJUNCTIONS = Set.of("and", "but", "or", "so", "because", "although",
            "though", "while", "whereas", "which", "unless");

    private final int maxChunkChars;
    /** False for text given to be said as it is: no line markers, backticks or code to heed. */
    private final boolean markdown;
    private final Predicate<String> mayEndEarly;
    private final Consumer<String> onChunk;

    /** Markdown with line markers blanked out; what lies before {@link #unitStart} is handed on. */
    private final StringBuilder text = new StringBuilder();
    private int unitStart;
    /** The next character to look at; nothing from {@link #unitStart} to here ends a chunk. */
    private int scan;
    private boolean atLineStart = true;
    private MarkdownLine.Kind lineKind = MarkdownLine.Kind.PLAIN;
    private boolean inInlineCode;
    /** Where the chunk could end if it grows too long, or -1; both lie within the bound. */
    private int lastClauseCut = -1;
    private int lastSpaceCut = -1;

    /**
     * @param mayEndEarly asked at each clause boundary with the chunk's markdown so far: end it here?
     * @param onChunk receives the markdown of each chunk, in order
     * @param markdown whether the text is markdown (a model's reply) or plain text to be said as it is
     */
    ChunkBoundaries(int maxChunkChars, Predicate<String> mayEndEarly, Consumer<String> onChunk, boolean markdown) {
        this.maxChunkChars = maxChunkChars;
        this.markdown = markdown;
        this.mayEndEarly = mayEndEarly;
        this.onChunk = onChunk;
    }

    /** Takes more text and hands on every chunk it settles. */
    void push(CharSequence more) {
        text.append(more);
        advance(false);
    }

    /** Takes the last text; the text end settles what waited for more, and the rest is the last chunk. */
    void finish(CharSequence rest) {
        text.append(rest);
        advance(true);
        cut(text.length());
    }

    private void advance(boolean complete) {
        while (scan < text.length()) {
            if (scan - unitStart > maxChunkChars) {
                cutForLength();
            } else if (!step(complete)) {
                return;
            }
        }
    }

    /** Looks at the character at {@link #scan}; false when that needs text that has not arrived. */
    private boolean step(boolean complete) {
        if (atLineStart) {
            return startLine(complete);
        }
        char c = text.charAt(scan);
        if (c == '\n') {
            return endLine(complete);
        }
        if (c == '`' && markdown) {
            inInlineCode = !inInlineCode;
        } else if (MarkdownLine.isBlank(c)) {
            return space(complete);
        } else if (!inInlineCode && SentenceEnds.isTerminator(c)) {
            return terminator(complete);
        } else if (!inInlineCode && (c == ',' || c == ';' || c == ':')) {
            return clausePunctuation(complete);
        } else if (!inInlineCode && (c == '-' || c == '–' || c == '—')) {
            return dash(complete);
        }
        scan++;
        return true;
    }

    private boolean startLine(boolean complete) {
        if (!markdown) { // "- 5 degrees" is minus five, "1. " a number said
            atLineStart = false;
            return true;
        }
        MarkdownLine.Start start = MarkdownLine.classify(text, scan, complete);
        if (start == null) {
            return false;
        }
        // Blanked, markers are neither spoken nor mistaken for punctuation: "1." ends no sentence.
        for (int i = scan; i < start.contentStart(); i++) {
            text.setCharAt(i, ' ');
        }
        lineKind = start.kind();
        atLineStart = false;
        scan = start.contentStart();
        return true;
    }

    private boolean endLine(boolean complete) {
        if (!markdown) { // a line break in plain text is a space; sentences still end at their punctuation
            noteSpace(scan);
            scan++;
            atLineStart = true;
            return true;
        }
        MarkdownLine.Start next = MarkdownLine.classify(text, scan + 1, complete);
        if (next == null) {
            return false;
        }
        boolean separate = lineKind.standsAlone() || next.kind().standsAlone();
        noteSpace(scan);
        scan++;
        atLineStart = true;
        inInlineCode = false; // an unclosed backtick must not swallow the following lines
        if (separate) {
            cut(scan);
        }
        return true;
    }

    private boolean terminator(boolean complete) {
        int runEnd = scan;
        while (runEnd < text.length() && SentenceEnds.isTerminator(text.charAt(runEnd))) {
            runEnd++;
        }
        int next = skipClosers(runEnd);
        if (next == text.length() && !complete) {
            return false;
        }
        if (next < text.length() && !isSpace(text.charAt(next))) {
            scan = runEnd; // "3.14", "example.com", "Well...so"
            return true;
        }
        switch (SentenceEnds.judge(text, unitStart, scan, runEnd, next, complete)) {
            case NEEDS_MORE_TEXT -> {
                return false;
            }
            case END -> {
                scan = next;
                cut(next);
            }
            case NOT_END -> scan = runEnd;
        }
        return true;
    }

    private boolean clausePunctuation(boolean complete) {
        int next = skipClosers(scan + 1);
        if (next == text.length() && !complete) {
            return false;
        }
        if (next < text.length() && !isSpace(text.charAt(next))) {
            scan++; // "3:30", "1,000", "https:"
            return true;
        }
        clauseBoundary(next);
        return true;
    }

    /** A dash is a clause boundary when spaced on both sides (" - ", " — "), or an em dash between words. */
    private boolean dash(boolean complete) {
        if (scan + 1 == text.length() && !complete) {
            return false;
        }
        boolean spaceBefore = scan > unitStart && isSpace(text.charAt(scan - 1));
        boolean spaceAfter = scan + 1 == text.length() || isSpace(text.charAt(scan + 1));
        boolean unspacedEmDash = text.charAt(scan) == '—' && !spaceBefore && !spaceAfter;
        if ((spaceBefore && spaceAfter) || unspacedEmDash) {
            clauseBoundary(scan + 1);
        } else {
            scan++;
        }
        return true;
    }

    private void clauseBoundary(int end) {
        scan = end;
        boundaryAt(end);
    }

    private void boundaryAt(int end) {
        if (end - unitStart <= maxChunkChars) {
            lastClauseCut = end;
        }
        if (mayEndEarly.test(text.substring(unitStart, end))) {
            cut(end);
        }
    }

    /**
     * A space before a conjunction ("sunny | and warm") is a clause boundary too: a speaker may pause
     * there, so the early first chunk may end there and a too-long sentence is best cut there. Waits
     * until the next word is complete when it could be one.
     */
    private boolean space(boolean complete) {
        int at = scan;
        int wordEnd = at + 1;
        while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
            wordEnd++;
        }
        String word = text.substring(at + 1, wordEnd);
        if (wordEnd == text.length() && !complete && CONJUNCTIONS.stream().anyMatch(c -> c.startsWith(word))) {
            return false;
        }
        noteSpace(at);
        scan++;
        // After a letter only: "1,000 and 2,000" is one number phrase, not two clauses.
        if (!inInlineCode && CONJUNCTIONS.contains(word) && at > unitStart && Character.isLetter(text.charAt(at - 1))) {
            boundaryAt(at);
        }
        return true;
    }

    private void noteSpace(int at) {
        if (at > unitStart && at - unitStart <= maxChunkChars) {
            lastSpaceCut = at;
        }
    }

    private void cutForLength() {
        int end;
        if (lastClauseCut > unitStart) {
            end = lastClauseCut;
        } else if (lastSpaceCut > unitStart) {
            end = lastSpaceCut;
        } else {
            // One word longer than the bound (a long URL, say): the bound wins over the word.
            end = unitStart + maxChunkChars;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
        }
        cut(end);
    }

    /** Hands on the markdown before {@code end}; the next chunk starts there. */
    private void cut(int end) {
        onChunk.accept(text.substring(unitStart, end));
        unitStart = end;
        if (lastClauseCut <= end) {
            lastClauseCut = -1;
        }
        if (lastSpaceCut <= end) {
            lastSpaceCut = -1;
        }
        dropChunkedText();
    }

    /** Forgets chunked text once it outweighs the rest, so the copying stays linear in the reply. */
    private void dropChunkedText() {
        if (unitStart == 0 || unitStart < text.length() - unitStart) {
            return;
        }
        text.delete(0, unitStart);
        scan -= unitStart;
        lastClauseCut = lastClauseCut < 0 ? -1 : lastClauseCut - unitStart;
        lastSpaceCut = lastSpaceCut < 0 ? -1 : lastSpaceCut - unitStart;
        unitStart = 0;
    }

    private int skipClosers(int from) {
        int at = from;
        while (at < text.length() && SentenceEnds.CLOSERS.indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        return at;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0';
    }
}
