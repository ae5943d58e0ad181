package dev.parley.conversation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.parley.storage.OwnFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Finds saved conversations by what the user remembers of them: every word of the query in the
 * conversation's name or in what was said (questions and answers). Words match anywhere in a word
 * ("tom" finds "tomatoes", as search-as-you-type must), whatever their case and accents ("cafe" finds
 * "Café", "istanbul" finds "İstanbul"). One file is read at a time, so memory stays that of the
 * largest conversation however many there are.
 */
public final class ConversationSearch {

    private static final Logger LOG = LogManager.getLogger(ConversationSearch.class);

    /**
     * The longest query searched: longer than anything a person types, and a pasted page of accented text
     * took seconds to fold against thousands of names on every keystroke.
     */
    public static final int MAX_QUERY_CHARS = 200;

    /** Characters of a turn shown around the first word found: a line of the sidebar. */
    private static final int SNIPPET_CHARS = 90;
    /** At most this many characters before the word: the sidebar is narrow, and the word must show. */
    private static final int SNIPPET_BEFORE = 12;

    /** A conversation found; {@code snippet} is where its turns say the first word, empty when its name matched. */
    public record Found(ConversationInfo info, String snippet) {}

    private static final JsonFactory JSON = new JsonFactory();
    /** Non-ASCII code points folded so far; the scripts a user writes in are a few hundred of them. */
    private static final Map<Integer, String> FOLDED = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED_FOLDS = 20_000;

    private final ConversationStore store;

    public ConversationSearch(ConversationStore store) {
        this.store = store;
    }

    /** Whether a name holds every word of {@code query}, the query folded once for all names; a blank query holds none. */
    public static Predicate<String> namesHolding(String query) {
        return holdingAll(words(query));
    }

    private static Predicate<String> holdingAll(List<String> words) {
        return name -> !words.isEmpty() && containsAll(fold(name), words);
    }

    /**
     * The conversations of {@code rows} (in their order) whose name or turns hold every word of
     * {@code query}. Reads their files one by one and ends early, with what it found so far, once
     * {@code stopped} says so (the user typed on). A file that cannot be read is passed over.
     */
    public List<Found> find(String query, List<ConversationInfo> rows, BooleanSupplier stopped) {
        List<String> words = words(query);
        List<Found> found = new ArrayList<>();
        if (words.isEmpty()) {
            return found;
        }
        Predicate<String> byName = holdingAll(words);
        for (ConversationInfo row : rows) {
            if (stopped.getAsBoolean()) {
                break;
            }
            if (byName.test(row.name())) {
                found.add(new Found(row, ""));
                continue;
            }
            inTurns(row, words).ifPresent(snippet -> found.add(new Found(row, snippet)));
        }
        return found;
    }

    /** The snippet of the first turn holding a word of the query, when the turns hold every word. */
    private Optional<String> inTurns(ConversationInfo row, List<String> words) {
        List<String> texts;
        Path file = store.fileFor(row.name());
        try {
            texts = turnTexts(OwnFiles.readAtMost(file, ConversationStore.MAX_FILE_BYTES));
        } catch (IOException e) { // gone or broken since it was listed: the next listing says which
            LOG.debug("Search passed over {}: {}", file, e.getMessage());
            return Optional.empty();
        }
        List<String> folded = texts.stream().map(ConversationSearch::fold).toList();
        String all = String.join("\n", folded);
        if (!containsAll(all, words)) {
            return Optional.empty();
        }
        for (int i = 0; i < texts.size(); i++) {
            for (String word : words) {
                int at = folded.get(i).indexOf(word);
                if (at >= 0) {
                    return Optional.of(snippet(texts.get(i), at));
                }
            }
        }
        return Optional.empty(); // the words only meet across the joins of turns: not a match worth showing
    }

    /**
     * The {@code text} of each of a conversation file's {@code turns}, read as a stream of tokens: a
     * search reads every file, and binding each to objects and checking it as a load does took three
     * times as long (the listing checked them already).
     */
    private static List<String> turnTexts(byte[] json) throws IOException {
        List<String> texts = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token; (token = parser.nextToken()) != null;) {
                if (token == JsonToken.FIELD_NAME && "text".equals(parser.currentName())
                        && isTurn(parser.getParsingContext()) && parser.nextToken() == JsonToken.VALUE_STRING) {
                    texts.add(parser.getText());
                }
            }
        }
        return texts;
    }

    /** Whether {@code object} is an entry of the file's {@code turns} (not a tool round's, deeper down). */
    private static boolean isTurn(JsonStreamContext object) {
        JsonStreamContext list = object.getParent();
        JsonStreamContext file = list == null ? null : list.getParent();
        return list != null && list.inArray() && file != null && file.inObject() && "turns".equals(file.getCurrentName())
                && file.getParent() != null && file.getParent().inRoot();
    }

    /**
     * About {@link #SNIPPET_CHARS} characters of {@code text} on one line, starting a little before the
     * character at {@code foldedAt} of its folded form. Folding keeps one character per character of
     * the text but for a few (a decomposed "ﬁ", a lower-cased "İ", a letter beyond 16 bits folded to
     * ASCII), so the place is found again by folding the text's code points one at a time up to it.
     * Cuts fall between code points: half of an emoji is no character, and JSON and terminals show "?".
     */
    private static String snippet(String text, int foldedAt) {
        int origin = 0;
        for (int folded = 0; origin < text.length(); origin += Character.charCount(text.codePointAt(origin))) {
            folded += foldedLength(text.codePointAt(origin));
            if (folded > foldedAt) {
                break;
            }
        }
        int start = Math.max(0, origin - SNIPPET_BEFORE);
        int wordStart = text.indexOf(' ', start);
        if (start > 0 && wordStart >= 0 && wordStart < origin) {
            start = wordStart + 1; // not half a word
        } else if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start--;
        }
        int end = Math.min(text.length(), start + SNIPPET_CHARS);
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        String line = text.substring(start, end).replaceAll("\\s+", " ").strip();
        return (start > 0 ? "…" : "") + line + (end < text.length() ? "…" : "");
    }

    private static boolean containsAll(String folded, List<String> words) {
        return words.stream().allMatch(folded::contains);
    }

    private static List<String> words(String query) {
        return query == null ? List.of() : Arrays.stream(fold(query).split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /**
     * Lower case without accents, one code point at a time: decomposed (NFKD, so "ﬁ" is "fi" and "é" an
     * "e" and its accent) and its combining marks dropped; a final "ς" is the "σ" it is in mid-word.
     * Plain ASCII, most of what a conversation holds, skips the normalizer; other code points are
     * folded once each and remembered (an accented text normalized whole, twice, and cleaned by a
     * regular expression, took twice as long to search as an English one).
     */
    static String fold(String text) {
        if (text.chars().allMatch(c -> c < 128)) {
            return text.toLowerCase(Locale.ROOT);
        }
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            if (codePoint < 128) {
                folded.append(Character.toLowerCase((char) codePoint));
            } else {
                folded.append(foldOne(codePoint));
            }
        }
        return folded.toString();
    }

    /** How many characters {@code codePoint} folds to: 0 for a combining mark, 2 for "ﬁ". */
    private static int foldedLength(int codePoint) {
        return codePoint < 128 ? 1 : foldOne(codePoint).length();
    }

    private static String foldOne(int codePoint) {
        String known = FOLDED.get(codePoint);
        if (known != null) {
            return known;
        }
        String lower = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder();
        Normalizer.normalize(lower, Normalizer.Form.NFKD).codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(c -> kept.appendCodePoint(c == 'ς' ? 'σ' : c));
        String folded = kept.toString();
        if (FOLDED.size() < MAX_REMEMBERED_FOLDS) { // a hostile text of every code point must not fill the heap
            FOLDED.put(codePoint, folded);
        }
        return folded;
    }
}
