package dev.parley.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.platform.BuildVersion;
import dev.parley.storage.AtomicFiles;
import dev.parley.storage.FileErrors;
import dev.parley.storage.JsonDamage;
import dev.parley.storage.OwnFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The listing's rows kept between runs in a hidden file of the conversations folder, each under the
 * {@link dev.parley.storage.FileVersion} of the file it was read from, so a start stats every file and
 * reads only the ones that changed: reading and checking two years of conversations (3,000 files,
 * 93 MB) took seconds of CPU at every start, beside the speech model's and the voice's loads.
 *
 * <p>It is a cache, never the truth: a row counts only while its file has the version it was read at;
 * an index that is missing, damaged, of another build or edited by hand is ignored, or the rows of it
 * that make no sense are, and the files are read again. A row whose name would not reach its file
 * again (export, rename and delete go by the name's file) is one of those.
 */
final class ConversationIndex {

    private static final Logger LOG = LogManager.getLogger(ConversationIndex.class);

    /** Hidden, and not a {@code .json} file a listing or a name could reach: no conversation's slug starts with a dot. */
    static final String FILE_NAME = ".listing-index";
    /**
     * About 170 bytes a conversation: 16 MB holds 100,000 conversations' rows, far more than anyone keeps;
     * a larger file is no index Parley wrote (a 125 MB one took 8.7 s and 1.4 GB to read) and is ignored.
     */
    private static final int MAX_BYTES = 16 * 1024 * 1024;
    /**
     * Which reader made the rows: a row is what this build's checks made of a file, so another build's
     * rows (a newer format readable, a stricter check) are read again. Raise {@link #ROWS} when what makes
     * a row, or what makes a file unreadable, changes within a build's version.
     */
    private static final int ROWS = 1;
    private static final String READER = ROWS + " " + BuildVersion.get().orElse("development"); // an upgrade reads every file once

    /** What a file held when it had {@code version}: its row, or empty when it was no readable conversation. */
    record Entry(String version, Optional<ConversationInfo> row) {}

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    /** Whether this process removed the temporary files killed writes left: they come from earlier runs. */
    private boolean swept;

    ConversationIndex(Path folder) {
        this.file = folder.resolve(FILE_NAME);
    }

    /** The rows kept by file name; empty when there is no usable index. */
    Map<String, Entry> read() {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = json.readTree(OwnFiles.readAtMost(file, MAX_BYTES));
        } catch (IOException e) {
            LOG.info("The conversation listing's index {} cannot be read ({}); every conversation is read again"
                    + " and the index written afresh.", file, JsonDamage.reason(e, "a conversation listing's index"));
            return Map.of();
        }
        if (root == null || !READER.equals(root.path("reader").asText()) || !root.path("files").isObject()) {
            return Map.of();
        }
        Map<String, Entry> entries = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            entry(field.getKey(), field.getValue()).ifPresent(entry -> entries.put(field.getKey(), entry));
        }
        return entries;
    }

    /** The entry an index row holds, when it is one this build would have written for that file name. */
    private static Optional<Entry> entry(String fileName, JsonNode node) {
        if (!node.path("version").isTextual()) {
            return Optional.empty();
        }
        String version = node.get("version").asText();
        if (!node.path("name").isTextual() || !node.path("turns").canConvertToInt() || node.get("turns").asInt() < 0
                || !node.path("turns").isIntegralNumber() || !node.path("updated").isTextual()) {
            return Optional.empty();
        }
        String name = node.get("name").asText();
        String stem = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - ".json".length()) : "";
        boolean reachesItsFile = name.equals(stem)
                || (ConversationStore.nameProblem(name).isEmpty() && ConversationStore.slug(name).equals(stem)
                        && name.equals(name.strip()));
        if (!reachesItsFile) {
            return Optional.empty();
        }
        try {
            Instant updated = Instant.parse(node.get("updated").asText());
            return Optional.of(new Entry(version,
                    Optional.of(new ConversationInfo(name, node.get("turns").asInt(), updated))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the index with the readable rows of {@code entries}, by file name, atomically and
     * readable by the user alone like the conversations. A file that could not be read is not kept: it
     * is read again at the next start, which says again what is wrong with it, and finds it readable
     * once it is (its rights changed, which leave its version as it was). A failure is logged, not
     * thrown: the listing it would have sped up is right without it.
     */
    void write(Map<String, Entry> entries) {
        ObjectNode root = json.createObjectNode().put("reader", READER);
        ObjectNode files = root.putObject("files");
        entries.entrySet().stream().filter(kept -> kept.getValue().row().isPresent())
                .sorted(Map.Entry.comparingByKey()).forEach(kept -> {
                    ConversationInfo row = kept.getValue().row().get();
                    files.putObject(kept.getKey()).put("version", kept.getValue().version()).put("name", row.name())
                            .put("turns", row.turns()).put("updated", row.updated().toString());
                });
        if (!swept) {
            swept = true;
            AtomicFiles.removeAbandoned(file, Instant.now());
        }
        try {
            AtomicFiles.write(file, json.writeValueAsBytes(root));
        } catch (IOException e) {
            LOG.debug("Could not write the conversation listing's index {}: {}", file, FileErrors.reason(e));
        }
    }

}
