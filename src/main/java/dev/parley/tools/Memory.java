package dev.parley.tools;

import dev.parley.storage.FileVersion;
import dev.parley.storage.AtomicFiles;
import dev.parley.storage.FileErrors;
import dev.parley.storage.JsonDamage;
import dev.parley.storage.OwnFiles;
import dev.parley.storage.WriterLock;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code remember} and {@code recall}: facts the user wants kept across conversations, in one JSON
 * file written atomically (a crash leaves the old file or the new one, never half of one). Several
 * Parleys may share it: {@code remember} reads the file again and writes it under a
 * {@link WriterLock}, and a file another one replaced is read again before recall.
 *
 * <p>Recall is deliberately simple: a fact scores the number of distinct query words (lower case,
 * three letters or more, common words left out) it contains; the best few with a score above zero
 * come back, newest first among equals. No embeddings: a voice assistant's memory holds tens of
 * facts, not thousands.
 */
public final class Memory {

    public record Fact(String text, String rememberedAt) {}

    static final int RECALL_LIMIT = 3;
    /** A fact is a sentence or two; longer text is a document, which a memory file should not swallow. */
    static final int MAX_FACT_CHARS = 1_000;
    /** Each fact rewrites the whole file, and recall reads them all: keep it the size of a notebook. */
    static final int MAX_FACTS = 500;
    /**
     * {@link #MAX_FACTS} of {@link #MAX_FACT_CHARS}, in UTF-8 JSON with room for escapes, are under 4 MB;
     * a larger file is not one Parley wrote.
     */
    static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
    /** How long {@code remember} waits while another Parley saves the file. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LogManager.getLogger(Memory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\s\\p{Cc}\\p{Zl}\\p{Zp}]+");
    private static final Set<String> COMMON = Set.of("the", "and", "what", "who", "where", "when", "which", "how",
            "does", "did", "that", "this", "about", "for", "with", "you", "your", "are", "was", "were", "have", "has",
            "from", "know", "remember", "tell");

    private final Path file;
    private final Clock clock;
    private List<Fact> facts;
    /** {@link #stamp} of the file when {@link #facts} was read or written. */
    private String loadedStamp = "";

    public Memory(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public synchronized String remember(String fact) {
        String text = oneLine(fact);
        if (text.isEmpty()) {
            throw new ToolException("the fact is empty; give it as a sentence");
        }
        if (text.length() > MAX_FACT_CHARS) {
            throw new ToolException(String.format(Locale.ROOT, "the fact is %,d characters long; a fact may have at"
                    + " most %,d, so remember the essentials in a sentence or two", text.length(), MAX_FACT_CHARS));
        }
        try {
            // Read again under the lock: another Parley on the same data folder may have remembered
            // something since, and writing our older list would lose it.
            return WriterLock.holding(file, LOCK_WAIT, () -> {
                List<Fact> facts = reload();
                if (facts.stream().anyMatch(known -> known.text().equalsIgnoreCase(text))) {
                    return "Already remembered: " + text;
                }
                if (facts.size() >= MAX_FACTS) {
                    throw new ToolException("the memory is full (" + MAX_FACTS + " facts); tell the user, who can"
                            + " remove facts they no longer need from " + file);
                }
                Fact added = new Fact(text, clock.instant().toString());
                facts.add(added);
                try {
                    save(facts);
                } catch (ToolException notSaved) {
                    facts.remove(added); // what recall finds stays what the file holds
                    throw notSaved;
                }
                return "Remembered: " + text;
            });
        } catch (IOException e) {
            throw new ToolException("could not save the memory file " + file + ": " + FileErrors.reason(e));
        }
    }

    public synchronized String recall(String query) {
        List<String> best = scored(query).stream()
                .filter(scored -> scored.score() > 0)
                .limit(RECALL_LIMIT)
                .map(scored -> scored.fact().text())
                .toList();
        return best.isEmpty() ? "nothing remembered about that" : String.join("\n", best);
    }

    /**
     * Every remembered fact, ranked by recall's rule against {@code text}: most shared words first,
     * newest first among equals (so facts sharing no word come last, newest first). For the system
     * prompt, which takes from the top what fits its budget.
     */
    public synchronized List<String> ranked(String text) {
        return scored(text).stream().map(scored -> scored.fact().text()).toList();
    }

    private List<Scored> scored(String text) {
        Set<String> wanted = words(text);
        List<Fact> newestFirst = new ArrayList<>(facts());
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream()
                .map(fact -> new Scored(fact, overlap(wanted, words(fact.text()))))
                .sorted(Comparator.comparingInt(Scored::score).reversed()) // stable: newest first among equals
                .toList();
    }

    private record Scored(Fact fact, int score) {}

    private static int overlap(Set<String> wanted, Set<String> present) {
        return (int) wanted.stream().filter(present::contains).count();
    }

    /**
     * The words of {@code text} that recall matches on, lower case. Composed first (NFC), so an "é"
     * typed as "e" and a combining accent is the "é" of another keyboard; marks belong to their word
     * (Devanagari's vowel signs are marks, and splitting at them left single letters); and the dot that
     * lower-casing the Turkish "İ" leaves on its "i" is dropped, so "İstanbul" is "istanbul".
     */
    static Set<String> words(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace("i\u0307", "i");
        return Arrays.stream(lower.split("[^\\p{L}\\p{M}\\p{N}]+"))
                .filter(word -> word.length() >= 3 && !COMMON.contains(word))
                .collect(Collectors.toSet());
    }

    private void save(List<Fact> facts) {
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(facts));
            loadedStamp = stamp(file);
        } catch (IOException e) {
            throw new ToolException("could not save the memory file " + file + ": " + FileErrors.reason(e));
        }
    }

    /**
     * The facts as the file holds them, read again when the file changed since (another Parley
     * remembered something), so recall and the system prompt see every process's facts.
     */
    private List<Fact> facts() {
        if (facts == null || !stamp(file).equals(loadedStamp)) {
            return reload();
        }
        return facts;
    }

    /** Read from the file now; an unreadable file fails the memory tools only, not Parley. */
    private List<Fact> reload() {
        String before = stamp(file);
        facts = new ArrayList<>(load(file));
        loadedStamp = before;
        return facts;
    }

    /** {@link FileVersion} of the file; "none" while it is not there. */
    private static String stamp(Path file) {
        return FileVersion.of(file).orElse("none");
    }

    private static List<Fact> load(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try {
            // Bounded, and never a pipe (whose open waits forever) or a link (one to /dev/zero never ends).
            List<Fact> stored = JSON.readValue(OwnFiles.readAtMost(file, MAX_FILE_BYTES),
                    new TypeReference<List<Fact>>() {});
            return withText(stored == null ? List.of() : stored, file);
        } catch (IOException e) {
            // Left alone rather than overwritten: the user may want to repair it.
            String reason = JsonDamage.reason(e, "a list of facts");
            LOG.warn("Memory file {} is unreadable: {}", file, reason);
            throw new ToolException("the memory file " + file + " is unreadable (" + reason + "); the user must fix"
                    + " or remove it");
        }
    }

    /**
     * The facts that have a text, each on one line ({@link #oneLine}), the newest {@link #MAX_FACTS} of
     * them. A file edited by hand may hold {@code null}, {@code {}} or a fact whose text is null or
     * blank: each is left out with a warning, as it has nothing to recall, rather than failing every
     * recall, every remember and the prompt's memories with a NullPointerException's message. The next
     * remember writes the rest back. A file of more facts than remember lets in (hundreds of
     * thousands fit in {@link #MAX_FILE_BYTES}) took seconds to rank for every prompt: only the newest
     * count, and remember, finding the memory full, writes nothing that would lose the others.
     */
    private static List<Fact> withText(List<Fact> stored, Path file) {
        List<Fact> kept = stored.stream().filter(fact -> fact != null && fact.text() != null)
                .map(fact -> new Fact(oneLine(fact.text()), fact.rememberedAt()))
                .filter(fact -> !fact.text().isEmpty())
                .toList();
        if (kept.size() < stored.size()) {
            LOG.warn("{} of the {} facts in {} have no text and are left out", stored.size() - kept.size(),
                    stored.size(), file);
        }
        if (kept.size() > MAX_FACTS) {
            LOG.warn("{} holds {} facts; only the newest {} are used: remove those no longer needed", file,
                    kept.size(), MAX_FACTS);
            return kept.subList(kept.size() - MAX_FACTS, kept.size());
        }
        return kept;
    }

    /**
     * {@code text} on one line: line breaks, tabs and other control characters become one space. The
     * system prompt shows each fact as one "- fact" line, and a fact holding a line break would start
     * lines of its own there (a "fact" of "x\nYou must now..." reads as the prompt's own text);
     * a NUL or an escape sequence has no place in a sentence sent with every request.
     */
    static String oneLine(String text) {
        return CONTROL_OR_SPACE.matcher(text).replaceAll(" ").strip();
    }

    /** The {@code remember} tool. */
    public Tool rememberTool() {
        return new Tool() {
            @Override
            public String name() {
                return "remember";
            }

            @Override
            public String description() {
                return "Stores a fact about the user or their wishes for later conversations, e.g. "
                        + "'My sister's birthday is May 3'. Use when the user asks you to remember something.";
            }

            @Override
            public List<ToolParameter> parameters() {
                return List.of(ToolParameter.required("fact", ToolParameter.Type.STRING,
                        "The fact, as a self-contained sentence"));
            }

            @Override
            public String execute(ToolArguments arguments) {
                return remember(arguments.text("fact"));
            }
        };
    }

    /** The {@code recall} tool. */
    public Tool recallTool() {
        return new Tool() {
            @Override
            public String name() {
                return "recall";
            }

            @Override
            public String description() {
                return "Looks up facts remembered in earlier conversations that match the query words.";
            }

            @Override
            public List<ToolParameter> parameters() {
                return List.of(ToolParameter.required("query", ToolParameter.Type.STRING,
                        "Key words of what to look up, e.g. sister birthday"));
            }

            @Override
            public String execute(ToolArguments arguments) {
                return recall(arguments.text("query"));
            }
        };
    }
}
