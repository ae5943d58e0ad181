package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsageRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Parley writes for the user is readable by the user alone; folders it did not make keep their rights. */
class PrivateFilesTest {

    @TempDir
    Path folder;

    @BeforeEach
    void posixOnly() {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    }

    @Test
    void savedFilesAndTheFoldersMadeForThemArePrivate() throws Exception {
        Path target = folder.resolve("data/conversations/kitchen.json");

        AtomicFiles.write(target, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(mode(target)).isEqualTo("rw-------");
        assertThat(mode(folder.resolve("data/conversations"))).isEqualTo("rwx------");
        assertThat(mode(folder.resolve("data"))).isEqualTo("rwx------");
    }

    @Test
    void aFolderThatExistedKeepsItsRights() throws Exception {
        Path shared = Files.createDirectories(folder.resolve("Documents"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

        AtomicFiles.write(shared.resolve("export.md"), "# chat".getBytes(StandardCharsets.UTF_8));

        assertThat(mode(shared)).isEqualTo("rwxr-xr-x");
        assertThat(mode(shared.resolve("export.md"))).isEqualTo("rw-------");
    }

    @Test
    void parleysOwnFoldersAreMadePrivateEvenWhenAnOlderVersionLeftThemOpen() throws Exception {
        Path data = Files.createDirectories(folder.resolve("parley"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

        PrivateFiles.secure(data, folder.resolve("logs"));

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(folder.resolve("logs"))).isEqualTo("rwx------");
    }

    @Test
    void aFolderThatCannotBeMadeIsReturnedWithItsReasonForTheCallerToSayWhatItCosts() throws Exception {
        Path data = Files.writeString(folder.resolve("parley"), "a file where the data folder goes");

        Map<Path, String> unusable = PrivateFiles.secure(data, data.resolve("logs"), folder.resolve("config"));

        assertThat(unusable).containsOnlyKeys(data, data.resolve("logs"));
        assertThat(unusable.get(data)).isEqualTo("a file of that name is in the way");
        assertThat(mode(folder.resolve("config"))).isEqualTo("rwx------");
    }

    @Test
    void theUsageLedgerIsPrivate() throws Exception {
        Path file = folder.resolve("data/usage.jsonl");

        new UsageLedger(file).append(new UsageRecord(Instant.parse("2026-12-04T10:00:00Z"), "local", "scripted", null,
                10, 2, 100, 300, 0));

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
