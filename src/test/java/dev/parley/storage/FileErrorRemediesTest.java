package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What to do about a write that failed: each cause has its own fix, named with the folder. */
class FileErrorRemediesTest {

    @TempDir
    Path folder;

    @Test
    void aFullDiskIsCalledFullWithSpaceToFree() {
        IOException full = new FileSystemException(folder.resolve("timers.json").toString(), null,
                "No space left on device");

        assertThat(FileErrors.remedy(full, folder))
                .isEqualTo("The disk that holds " + folder + " is full: free some space on it.");
    }

    @Test
    void aFullDiskReportedByAWriteItselfIsCalledFullToo() {
        assertThat(FileErrors.remedy(new IOException("No space left on device"), folder)).contains("is full");
    }

    @Test
    void aFolderWithoutWritePermissionIsToBeMadeWritable() {
        IOException denied = new AccessDeniedException(folder.resolve(".kitchen.lock").toString());

        assertThat(FileErrors.remedy(denied, folder)).startsWith("You may not write in " + folder + ": make it writable");
    }

    @Test
    void aReadOnlyDiskIsToBeMountedWritable() {
        IOException readOnly = new FileSystemException(folder.toString(), null, "Read-only file system");

        assertThat(FileErrors.remedy(readOnly, folder)).isEqualTo(folder + " is on a disk mounted read-only: mount it writable.");
    }

    @Test
    void aFileInTheFoldersPlaceIsNamedToBeMoved() throws Exception {
        Path file = Files.writeString(folder.resolve("parley"), "not a folder");

        assertThat(FileErrors.remedy(new FileSystemException(file.toString(), null, "Not a directory"),
                file.resolve("conversations"))).isEqualTo(file + " is a file, not a folder: move it away.");
    }
}
