package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.parley.conversation.ConversationLock;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.ConversationStoreException;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsageRecord;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link planted in Parley's data folder, in the place of the usage ledger or a lock file, is never
 * written through: before, a usage line was appended to the file it pointed to, and a lock file's link
 * created its target and made it 0600.
 */
class PlantedLinksTest {

    @TempDir
    Path folder;

    private Path data;
    private Path elsewhere;

    @BeforeEach
    void folders() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        data = Files.createDirectory(folder.resolve("data"));
        elsewhere = Files.createDirectory(folder.resolve("elsewhere"));
    }

    @Test
    void aUsageLineIsNotAppendedThroughALinkInTheLedgersPlace() throws Exception {
        Path victim = Files.writeString(elsewhere.resolve("victim.txt"), "mine\n");
        Files.createSymbolicLink(data.resolve("usage.jsonl"), victim);

        new UsageLedger(data.resolve("usage.jsonl")).append(new UsageRecord(Instant.parse("2026-11-20T10:00:00Z"),
                "openai", "gpt-4o", null, 1, 1, 1, 1, 0));

        assertThat(Files.readString(victim)).isEqualTo("mine\n");
        assertThat(Files.isSymbolicLink(data.resolve("usage.jsonl"))).isTrue();
    }

    @Test
    void aLinkInALockFilesPlaceIsRefusedNamingItAndItsTargetIsNeitherMadeNorChanged() throws Exception {
        Path victim = elsewhere.resolve("victim2.txt");
        Path lockFile = data.resolve(".memory.json.lock");
        Files.createSymbolicLink(lockFile, victim);

        assertThatThrownBy(() -> WriterLock.holding(data.resolve("memory.json"), Duration.ofSeconds(1), () -> null))
                .isInstanceOf(OwnFiles.NotAFileException.class)
                .satisfies(e -> assertThat(FileErrors.reason((java.io.IOException) e))
                        .contains(lockFile.toString(), "is a link", "remove the link"));
        assertThat(victim).doesNotExist();
    }

    @Test
    void aLinkInAConversationLocksPlaceIsRefusedAndItsTargetNeitherMadeNorChanged() throws Exception {
        Path victim = elsewhere.resolve("victim3.txt");
        Path conversations = Files.createDirectories(data.resolve("conversations"));
        Files.createSymbolicLink(conversations.resolve(".kitchen.lock"), victim);

        assertThatThrownBy(() -> ConversationLock.take(new ConversationStore(conversations), "kitchen"))
                .isInstanceOf(ConversationStoreException.class).hasMessageContaining("is a link");
        assertThat(victim).doesNotExist();
    }

    @Test
    void aLinkedLockFilesExistingTargetKeepsItsRights() throws Exception {
        Path victim = Files.writeString(elsewhere.resolve("shared.txt"), "x");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(data.resolve(".usage.jsonl.lock"), victim);

        new UsageLedger(data.resolve("usage.jsonl")).append(new UsageRecord(Instant.parse("2026-11-20T10:00:00Z"),
                "openai", "gpt-4o", null, 1, 1, 1, 1, 0));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim))).isEqualTo("rw-r--r--");
        assertThat(data.resolve("usage.jsonl")).doesNotExist();
    }

    @Test
    void aLedgerCreatedAfreshIsPrivate() throws Exception {
        new UsageLedger(data.resolve("usage.jsonl")).append(new UsageRecord(Instant.parse("2026-11-20T10:00:00Z"),
                "openai", "gpt-4o", null, 1, 1, 1, 1, 0));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("usage.jsonl"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(".usage.jsonl.lock"))))
                .isEqualTo("rw-------");
    }
}
