package dev.parley.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parley.ParleyException;
import dev.parley.storage.FailingWrites;
import dev.parley.storage.FileErrors;
import dev.parley.storage.LinesFromStart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import dev.parley.storage.LinesFromEnd;
import dev.parley.storage.OwnFiles;
import dev.parley.storage.PrivateFiles;
import dev.parley.storage.WriterLock;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The persisted usage ledger: one JSON line per request, appended. Appending a line is the only
 * write, so a crash can at worst leave a torn last line, which reading skips and the next append
 * ends first; nothing earlier is ever at risk. Parleys sharing the data folder append under a
 * {@link WriterLock}, one line at a time. Recording never fails a turn: a ledger that cannot be
 * written is logged.
 */
public final class UsageLedger {

    private static final Logger LOG = LogManager.getLogger(UsageLedger.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A line takes a millisecond to write; waiting longer means another Parley is stuck, and usage is not worth a turn. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(2);
    /**
     * How far a line may be out of time order: a record is appended when its reply ends, so a long
     * reply's record follows shorter ones that started later (also from another Parley).
     */
    static final Duration OUT_OF_ORDER = Duration.ofHours(1);
    static final int OLDER_IN_A_ROW = 100;

    private final Path file;
    private final FailingWrites failing = new FailingWrites();

    public UsageLedger(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * Appends {@code record}. The write runs on a thread of its own, waited for without heeding an
     * interrupt: a reply's record is made on the turn's thread as it ends, and a stop or barge-in
     * interrupts that thread, which closed the file channel mid-write (ClosedByInterruptException)
     * and lost the record of a reply already paid for.
     */
    public synchronized void append(UsageRecord record) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        Thread.ofVirtual().name("parley-usage-write").start(() -> {
            try {
                write(record);
            } finally {
                written.complete(null);
            }
        });
        written.join(); // not interruptible: bounded by the lock's wait and one line's write
    }

    private void write(UsageRecord record) {
        try {
            byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            // Under the lock, so two Parleys' lines never interleave, and a line torn by a killed
            // process is ended first instead of swallowing this one.
            WriterLock.holding(file, LOCK_WAIT, () -> {
                appendLine(line);
                return null;
            });
            int missing = failing.succeeded();
            if (missing > 0) {
                LOG.info("Usage is recorded in {} again; {} request(s) before this one are missing from parley stats"
                        + " and the budgets", file, missing);
            }
        } catch (IOException e) {
            if (failing.failed()) {
                LOG.warn("Could not record usage in {} ({}), so this request is missing from parley stats and the"
                        + " budgets; later failures are not warned of until a record is written again. {}", file,
                        FileErrors.reason(e), FileErrors.remedy(e, file.toAbsolutePath().getParent()).strip());
            } else {
                LOG.debug("Could not record usage in {} ({}), still", file, FileErrors.reason(e));
            }
        }
    }

    private void appendLine(byte[] line) throws IOException {
        PrivateFiles.createFolder(file.toAbsolutePath().getParent());
        // Created private; a link planted in the ledger's place is refused, not appended through.
        try (FileChannel channel = OwnFiles.openForWriting(file)) {
            long end = channel.size();
            ByteBuffer bytes = ByteBuffer.wrap(line);
            if (end > 0 && !endsWithNewline(channel, end)) {
                bytes = ByteBuffer.allocate(line.length + 1).put((byte) '\n').put(line).flip();
            }
            long before = end;
            try {
                while (bytes.hasRemaining()) {
                    end += channel.write(bytes, end);
                }
            } catch (IOException partly) {
                // A full disk mid-line: the torn line goes, or every later read would warn of it for ever.
                try {
                    channel.truncate(before);
                } catch (IOException alsoFailed) {
                    partly.addSuppressed(alsoFailed);
                }
                throw partly;
            }
        }
    }

    private static boolean endsWithNewline(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    /**
     * The readable records made at or after {@code since}, oldest first, read from the end of the file
     * back to where {@link #OLDER_IN_A_ROW} records in a row are older than {@code since} by more than
     * {@link #OUT_OF_ORDER}: what a budget check needs, in time that does not grow with the ledger's
     * years of history. (A clock set back, or another Parley's slow reply, can put a few older lines
     * after newer ones; the run makes the read go past them.)
     */
    public synchronized List<UsageRecord> readSince(Instant since) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        Instant old = since.minus(OUT_OF_ORDER);
        ArrayDeque<UsageRecord> records = new ArrayDeque<>();
        int[] olderInARow = {0};
        try {
            LinesFromEnd.read(file, line -> {
                UsageRecord record = parse(line);
                if (record == null) {
                    return true;
                }
                if (!record.at().isBefore(since)) {
                    records.addFirst(record);
                }
                olderInARow[0] = record.at().isBefore(old) ? olderInARow[0] + 1 : 0;
                return olderInARow[0] < OLDER_IN_A_ROW;
            });
        } catch (IOException e) {
            throw unreadable(e);
        }
        return new ArrayList<>(records);
    }

    /**
     * A line, or null for a blank or unreadable one (a torn write) and for a record without a time or a
     * provider: every summary and budget places a record in time and with a provider, so one without is no use.
     */
    private UsageRecord parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            UsageRecord record = JSON.readValue(line, UsageRecord.class);
            // A line "null" parses to null; a record of no provider would be summed as one named "null".
            return record != null && record.at() != null && record.provider() != null ? record : null;
        } catch (IOException torn) {
            LOG.debug("Skipping an unreadable usage line in {}", file); // read() counts them in one warning
            return null;
        }
    }

    /**
     * Every readable record, oldest first; lines that do not parse (a torn write) or have no time or provider are
     * skipped, and counted in one warning. Read a
     * line at a time: the ledger grows by a line per request, for years, so no size is too large for
     * it, while a line over {@link LinesFromStart}'s limit (a damaged file) is skipped unheld, and counted
     * with the damaged ones.
     */
    public synchronized List<UsageRecord> read() {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<UsageRecord> records = new ArrayList<>();
        int[] damaged = {0};
        try {
            int overlong = LinesFromStart.read(file, line -> {
                UsageRecord record = parse(line);
                if (record != null) {
                    records.add(record);
                } else if (!line.isBlank()) {
                    damaged[0]++;
                }
            });
            damaged[0] += overlong;
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (damaged[0] > 0) {
            LOG.warn("Skipped {} damaged line(s) of the usage ledger {} (not JSON, without a time or a provider, or"
                    + " over {} MB); their requests are not counted", damaged[0], file,
                    LinesFromEnd.MAX_LINE_BYTES / (1024 * 1024));
        }
        return records;
    }

    private ParleyException unreadable(IOException e) {
        return new ParleyException("Cannot read the usage ledger " + file + " (" + FileErrors.reason(e) + ").", e);
    }
}
