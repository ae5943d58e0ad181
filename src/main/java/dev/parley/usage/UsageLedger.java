package dev.parley.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import dev.parley.storage.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The persisted usage ledger: one JSON line per request, appended. Appending a line is the only
 * write, so a crash can at worst leave a torn last line, which reading skips; nothing earlier is
 * ever at risk. Recording never fails a turn: a ledger that cannot be written is logged.
 */
public final class UsageLedger {

    private static final Logger LOG = LogManager.getLogger(UsageLedger.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path file;

    public UsageLedger(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void append(UsageRecord record) {
        try {
            PrivateFiles.createFolder(file.toAbsolutePath().getParent());
            boolean created = !Files.exists(file);
            String line = JSON.writeValueAsString(record) + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            if (created) {
                PrivateFiles.ownerOnly(file);
            }
        } catch (IOException e) {
            LOG.warn("Could not record usage in {}: {}", file, e.getMessage());
        }
    }

    /** Every readable record, oldest first; lines that do not parse (a torn write) are skipped. */
    public synchronized List<UsageRecord> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<UsageRecord> records = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(JSON.readValue(line, UsageRecord.class));
                } catch (IOException torn) {
                    LOG.info("Skipping an unreadable usage line in {}", file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the usage ledger " + file, e);
        }
        return records;
    }
}
