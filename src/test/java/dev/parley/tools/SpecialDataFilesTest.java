package dev.parley.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.parley.ParleyException;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsageRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipe, a link to a device or a huge file where Parley keeps its memory, timers or usage ledger is
 * refused in words naming it: before, a pipe made {@code chat} and {@code stats} wait forever, and a
 * ledger linked to /dev/zero ended {@code stats} with an OutOfMemoryError.
 */
class SpecialDataFilesTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private Path pipe(String name) throws Exception {
        Path file = folder.resolve(name);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
        } catch (java.io.IOException noMkfifo) {
            assumeThat(false).as("mkfifo is available").isTrue();
            throw noMkfifo;
        }
        assumeThat(mkfifo.waitFor()).as("mkfifo made a pipe").isZero();
        return file;
    }

    @Test
    void aMemoryFileThatIsAPipeIsRefusedNamingItInsteadOfWaitedOn() throws Exception {
        Path file = pipe("memory.json");
        Memory memory = new Memory(file, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        assertTimeoutPreemptively(AT_ONCE, () -> assertThatThrownBy(() -> memory.recall("birthday"))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining(file + " is a special file (a pipe or device)"));
    }

    @Test
    void aMemoryFileLargerThanAnyParleyWritesIsRefusedNamingItAndLeftAlone() throws Exception {
        Path file = folder.resolve("memory.json");
        Files.write(file, new byte[Memory.MAX_FILE_BYTES + 1]);

        assertThatThrownBy(() -> new Memory(file, Clock.systemUTC()).recall("birthday"))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("more than the");
        assertThat(Files.size(file)).isEqualTo(Memory.MAX_FILE_BYTES + 1);
    }

    @Test
    void aTimersFileThatIsAPipeCostsTheTimersTheirPersistenceNotTheStart() throws Exception {
        Path file = pipe("timers.json");

        assertTimeoutPreemptively(AT_ONCE, () -> assertThat(new PendingTimers(file).read()).isEmpty());
        assertThat(Files.isRegularFile(file)).as("left where it is").isFalse();
    }

    @Test
    void aUsageLedgerThatIsAPipeIsRefusedNamingIt() throws Exception {
        Path file = pipe("usage.jsonl");
        UsageLedger ledger = new UsageLedger(file);

        assertTimeoutPreemptively(AT_ONCE, () -> {
            assertThatThrownBy(ledger::read).isInstanceOf(ParleyException.class)
                    .hasMessageContaining("Cannot read the usage ledger " + file)
                    .hasMessageContaining("a special file (a pipe or device)");
            assertThatThrownBy(() -> ledger.readSince(Instant.EPOCH)).isInstanceOf(ParleyException.class);
        });
    }

    @Test
    void aUsageLedgerLinkedToAnEndlessDeviceIsRefusedNamingIt() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeThat(Files.exists(zero)).isTrue();
        Path file = Files.createSymbolicLink(folder.resolve("usage.jsonl"), zero);

        assertTimeoutPreemptively(AT_ONCE, () -> assertThatThrownBy(new UsageLedger(file)::read)
                .isInstanceOf(ParleyException.class)
                .hasMessageContaining(file + " is a link"));
    }

    /** The ledger grows for years, so it has no size limit; a line has (a damaged file may hold no newline). */
    @Test
    void aUsageLineLongerThanAnyRecordIsSkippedAndTheLinesAroundItKept() throws Exception {
        Path file = folder.resolve("usage.jsonl");
        UsageLedger ledger = new UsageLedger(file);
        UsageRecord before = new UsageRecord(Instant.parse("2026-11-20T10:00:00Z"), "openai", "gpt-4o", null, 1, 1, 1,
                1, 0);
        UsageRecord after = new UsageRecord(Instant.parse("2026-11-20T11:00:00Z"), "ollama", "llama3.2", null, 1, 1,
                1, 1, 0);
        ledger.append(before);
        Files.writeString(file, "x".repeat(3 * 1024 * 1024) + "\n", java.nio.file.StandardOpenOption.APPEND);
        ledger.append(after);

        assertThat(ledger.read()).containsExactly(before, after);
    }
}
