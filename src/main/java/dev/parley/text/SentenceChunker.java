package dev.parley.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a streamed markdown reply into speakable chunks for the synthesizer, each about a sentence.
 *
 * <p>Chunks end at sentence ends, at paragraph breaks, and around headings, list items, table rows and
 * rules, which stand alone. The very first chunk may end early at a clause boundary (, ; : or a dash)
 * once it has {@link Settings#firstChunkMinWords()} words, so the first audio starts sooner. No chunk is
 * longer than {@link Settings#maxChunkChars()}: a long sentence is cut at its last clause boundary within
 * the bound, else at its last space. Code blocks are never read; other markdown is reduced to its words
 * by {@link MarkdownToSpeech} once a chunk is complete, so syntax split across pushes is still removed.
 *
 * <p>Every cut is decided from the text before it plus the few characters after it that settle it ("."
 * then a space and a capital; a newline then the next line's marker). Until those have arrived the scan
 * waits, which makes the chunks independent of how the reply was split into pushes, and keeps a push
 * proportional in cost to its own length. {@link #finish()} decides with what is there.
 */
public final class SentenceChunker {

    /**
     * @param firstChunkMinWords words the first chunk needs before it may end at a clause boundary
     * @param maxChunkChars the longest chunk handed to the synthesizer
     */
    public record Settings(int firstChunkMinWords, int maxChunkChars) {

        /** Shorter bounds would cut most sentences into fragments that sound broken. */
        private static final int SMALLEST_MAX_CHUNK_CHARS = 20;

        public Settings {
            if (firstChunkMinWords < 0) {
                throw new IllegalArgumentException("firstChunkMinWords must not be negative, was " + firstChunkMinWords);
            }
            if (maxChunkChars < SMALLEST_MAX_CHUNK_CHARS) {
                throw new IllegalArgumentException(
                        "maxChunkChars must be at least " + SMALLEST_MAX_CHUNK_CHARS + ", was " + maxChunkChars);
            }
        }

        public static Settings defaults() {
            return new Settings(4, 220);
        }
    }

    private final Settings settings;
    private final CodeFenceFilter codeFences = new CodeFenceFilter();
    private final List<String> ready = new ArrayList<>();

    /** Code-free markdown with line markers blanked out; what lies before {@link #unitStart} is chunked. */
    private final StringBuilder text = new StringBuilder();
    private int unitStart;
    /** The next character to look at; everything from {@link #unitStart} to here holds no cut. */
    private int scan;
    private boolean atLineStart = true;
    private MarkdownLine.Kind lineKind = MarkdownLine.Kind.PLAIN;
    private boolean inInlineCode;
    /** Where the chunk could end if it grows too long, or -1; both lie within the bound. */
    private int lastClauseCut = -1;
    private int lastSpaceCut = -1;
    private boolean spokeFirstChunk;

    public SentenceChunker(Settings settings) {
        this.settings = settings;
    }

    /** Takes the next streamed piece of the reply and returns the chunks it completed, often none. */
    public List<String> push(String piece) {
        text.append(codeFences.push(piece.replace("\r", "")));
        advance(false);
        return takeReady();
    }

    /** Ends the reply: returns the remaining chunks and makes the chunker ready for the next reply. */
    public List<String> finish() {
        text.append(codeFences.finish());
        advance(true);
        cut(text.length());
        List<String> last = takeReady();
        reset();
        return last;
    }

    private void advance(boolean complete) {
        while (scan < text.length()) {
            if (scan - unitStart > settings.maxChunkChars()) {
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
        if (c == '`') {
            inInlineCode = !inInlineCode;
        } else if (MarkdownLine.isBlank(c)) {
            noteSpace(scan);
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
        if (end - unitStart <= settings.maxChunkChars()) {
            lastClauseCut = end;
        }
        if (!spokeFirstChunk && wordsBefore(end) >= settings.firstChunkMinWords()) {
            cut(end);
        }
    }

    private void noteSpace(int at) {
        if (at > unitStart && at - unitStart <= settings.maxChunkChars()) {
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
            end = unitStart + settings.maxChunkChars();
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
        }
        cut(end);
    }

    /** Ends the current chunk before {@code end}: what it says goes out, and the next chunk starts there. */
    private void cut(int end) {
        String speech = MarkdownToSpeech.inlineToSpeech(text.substring(unitStart, end));
        for (String chunk : ChunkLength.split(speech, settings.maxChunkChars())) {
            if (MarkdownToSpeech.isSpeakable(chunk)) {
                ready.add(chunk);
                spokeFirstChunk = true;
            }
        }
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

    private int wordsBefore(int end) {
        String speech = MarkdownToSpeech.inlineToSpeech(text.substring(unitStart, end));
        int words = 0;
        for (String word : speech.split(" ")) {
            words += MarkdownToSpeech.isSpeakable(word) ? 1 : 0;
        }
        return words;
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

    private List<String> takeReady() {
        if (ready.isEmpty()) {
            return List.of();
        }
        List<String> chunks = List.copyOf(ready);
        ready.clear();
        return chunks;
    }

    private void reset() {
        text.setLength(0);
        unitStart = 0;
        scan = 0;
        atLineStart = true;
        lineKind = MarkdownLine.Kind.PLAIN;
        inInlineCode = false;
        lastClauseCut = -1;
        lastSpaceCut = -1;
        spokeFirstChunk = false;
    }
}
