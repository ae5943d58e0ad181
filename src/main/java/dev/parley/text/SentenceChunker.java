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
 * the bound, else at its last space, and inside a word only if that one word is longer than the bound.
 *
 * <p>Code blocks are never read. Other markdown is reduced to its words by {@link MarkdownToSpeech} once
 * a chunk is complete, so syntax split across pushes is still removed. A chunk with no letter or digit
 * left is not handed out.
 *
 * <p>The chunks do not depend on how the reply is split into pushes: a period at the end of a push waits
 * for the next character, "p.m." for the next word (see {@link ChunkBoundaries}); {@link #finish()}
 * decides with what is there. A push costs time in proportion to its own length.
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
            return new Settings(3, 220);
        }
    }

    private final Settings settings;
    private final boolean markdown;
    private final CodeFenceFilter codeFences = new CodeFenceFilter();
    /** Reused for the code-free text of each push on its way to the boundaries. */
    private final StringBuilder codeFree = new StringBuilder();
    private final List<String> ready = new ArrayList<>();
    private ChunkBoundaries boundaries;
    private boolean spokeFirstChunk;

    /** A chunker of markdown: a model's reply. */
    public SentenceChunker(Settings settings) {
        this(settings, true);
    }

    private SentenceChunker(Settings settings, boolean markdown) {
        this.settings = settings;
        this.markdown = markdown;
        this.boundaries = newBoundaries();
    }

    /**
     * A chunker of text given to be said as it is ({@code POST /speak}, an announcement): cut into
     * sentences the same way, but nothing in it is read as markdown, so "x[i]", "<b>", "*", "`" and a
     * line starting "- 5" reach the voice as written, and the voice says them.
     */
    public static SentenceChunker plainText(Settings settings) {
        return new SentenceChunker(settings, false);
    }

    /** Takes the next streamed piece of the reply and returns the chunks it completed, often none. */
    public List<String> push(String piece) {
        if (!markdown) {
            boundaries.push(piece);
            return takeReady();
        }
        codeFences.push(piece, codeFree);
        boundaries.push(codeFree);
        codeFree.setLength(0);
        return takeReady();
    }

    /** Ends the reply: returns the remaining chunks and makes the chunker ready for the next reply. */
    public List<String> finish() {
        if (markdown) {
            codeFences.finish(codeFree);
        }
        boundaries.finish(codeFree);
        codeFree.setLength(0);
        boundaries = newBoundaries();
        spokeFirstChunk = false;
        return takeReady();
    }

    private ChunkBoundaries newBoundaries() {
        return new ChunkBoundaries(settings.maxChunkChars(), this::mayEndEarly, this::speak, markdown);
    }

    private boolean mayEndEarly(String chunk) {
        return !spokeFirstChunk && words(toSpeech(chunk)) >= settings.firstChunkMinWords();
    }

    private String toSpeech(String chunk) {
        return markdown ? MarkdownToSpeech.inlineToSpeech(chunk) : MarkdownToSpeech.collapseWhitespace(chunk);
    }

    private void speak(String written) {
        String speech = toSpeech(written);
        for (String chunk : ChunkLength.split(speech, settings.maxChunkChars())) {
            if (MarkdownToSpeech.isSpeakable(chunk)) {
                ready.add(chunk);
                spokeFirstChunk = true;
            }
        }
    }

    private static int words(String speech) {
        int words = 0;
        for (String word : speech.split(" ")) {
            words += MarkdownToSpeech.isSpeakable(word) ? 1 : 0;
        }
        return words;
    }

    private List<String> takeReady() {
        if (ready.isEmpty()) {
            return List.of();
        }
        List<String> chunks = List.copyOf(ready);
        ready.clear();
        return chunks;
    }
}
