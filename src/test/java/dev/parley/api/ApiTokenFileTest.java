package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.parley.ParleyException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token file is only ever a regular file: a link planted in its place was followed, so its target's
 * content became the token and the target was made 0600 (a user's notes.txt went from 0644 to 0600).
 */
class ApiTokenFileTest {

    @TempDir
    Path folder;

    @BeforeEach
    void posix() {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    }

    @Test
    void aLinkInTheTokensPlaceIsRefusedAndItsTargetKeepsItsContentAndRights() throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "a".repeat(80) + "\n");
        Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rw-r--r--"));
        Path tokenFile = Files.createSymbolicLink(folder.resolve("api-token"), notes);

        assertThatThrownBy(() -> ApiToken.loadOrCreate(tokenFile)).isInstanceOf(ParleyException.class)
                .hasMessageContaining(tokenFile + " is a link").hasMessageContaining("remove the link");
        assertThatThrownBy(() -> ApiToken.existing(tokenFile)).isInstanceOf(ParleyException.class)
                .hasMessageContaining("is a link");
        assertThat(Files.getPosixFilePermissions(notes)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.readString(notes)).isEqualTo("a".repeat(80) + "\n");
        assertThat(Files.isSymbolicLink(tokenFile)).isTrue();
    }

    @Test
    void aFolderInTheTokensPlaceIsRefusedInWords() throws Exception {
        Path tokenFile = Files.createDirectory(folder.resolve("api-token"));

        assertThatThrownBy(() -> ApiToken.loadOrCreate(tokenFile)).isInstanceOf(ParleyException.class)
                .hasMessageContaining("is a folder, not a file");
    }

    @Test
    void aTokenFileThatCannotBeMadeIsRefusedWithTheFolderAndItsFix() throws Exception {
        Path fileInTheWay = Files.writeString(folder.resolve("data"), "not a folder");
        Path tokenFile = fileInTheWay.resolve("api-token");

        assertThatThrownBy(() -> ApiToken.loadOrCreate(tokenFile)).isInstanceOf(ParleyException.class)
                .hasMessageContaining("Cannot create the API token file " + tokenFile)
                .hasMessageContaining(fileInTheWay + " is a file, not a folder: move it away.");
    }

    @Test
    void aTokenIsMadePrivateAndReadBackTheSame() throws Exception {
        Path tokenFile = folder.resolve("data").resolve("api-token");

        ApiToken made = ApiToken.loadOrCreate(tokenFile);

        assertThat(ApiToken.existing(tokenFile)).contains(made.value());
        assertThat(ApiToken.loadOrCreate(tokenFile).value()).isEqualTo(made.value());
        assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
}
