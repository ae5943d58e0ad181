package dev.parley.tools;

import dev.parley.storage.AtomicFiles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code remember} and {@code recall}: facts the user wants kept across conversations, in one JSON
 * file written atomically (a crash leaves the old file or the new one, never half of one).
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
    private static final Logger LOG = LogManager.getLogger(Memory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COMMON = Set.of("the", "and", "what", "who", "where", "when", "which", "how",
            "does", "did", "that", "this", "about", "for", "with", "you", "your", "are", "was", "were", "have", "has",
            "from", "know", "remember", "tell");

    private final Path file;
    private final Clock clock;
    private List<Fact> facts;

    public Memory(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public synchronized String remember(String fact) {
        List<Fact> facts = facts();
        String text = fact.strip();
        if (text.length() > MAX_FACT_CHARS) {
            throw new ToolException(String.format(Locale.ROOT, "the fact is %,d characters long; a fact may have at"
                    + " most %,d, so remember the essentials in a sentence or two", text.length(), MAX_FACT_CHARS));
        }
        if (facts.stream().anyMatch(known -> known.text().equalsIgnoreCase(text))) {
            return "Already remembered: " + text;
        }
        if (facts.size() >= MAX_FACTS) {
            throw new ToolException("the memory is full (" + MAX_FACTS + " facts); tell the user, who can remove"
                    + " facts they no longer need from " + file);
        }
        Fact added = new Fact(text, clock.instant().toString());
        facts.add(added);
        try {
            save();
        } catch (ToolException notSaved) {
            facts.remove(added); // what recall finds stays what the file holds
            throw notSaved;
        }
        return "Remembered: " + text;
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

    static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 3 && !COMMON.contains(word))
                .collect(Collectors.toSet());
    }

    private void save() {
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(facts));
        } catch (IOException e) {
            throw new ToolException("could not save the memory file " + file + ": " + e.getMessage());
        }
    }

    /** Read on first use, so an unreadable file fails the memory tools only, not Parley. */
    private List<Fact> facts() {
        if (facts == null) {
            facts = new ArrayList<>(load(file));
        }
        return facts;
    }

    private static List<Fact> load(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<Fact>>() {});
        } catch (IOException e) {
            // Left alone rather than overwritten: the user may want to repair it.
            LOG.warn("Memory file {} is unreadable: {}", file, e.getMessage());
            throw new ToolException("the memory file " + file + " is unreadable; the user must fix or remove it");
        }
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
