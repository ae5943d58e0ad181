package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's version, told without reading it, changes with each write and with a save by rename. */
class FileVersionTest {

    @TempDir
    Path folder;

    @Test
    void aSaveByRenameOfTheSameSizeAndTimeIsAnotherVersion() throws Exception {
        Path file = Files.writeString(folder.resolve("memory.json"), "[1]");
        FileTime time = Files.getLastModifiedTime(file);
        String before = FileVersion.of(file).orElseThrow();
        Path replacement = Files.writeString(folder.resolve("memory.json.tmp"), "[2]");
        Files.setLastModifiedTime(replacement, time);

        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(FileVersion.of(file)).isNotEmpty().get().isNotEqualTo(before);
        assertThat(FileVersion.of(file)).isEqualTo(FileVersion.of(file));
    }

    @Test
    void aFileNotThereHasNoVersionAndALinkIsFollowedUnlessAskedNot() throws Exception {
        Path target = Files.writeString(folder.resolve("config.yaml"), "tts: {}\n");
        Path link = Files.createSymbolicLink(folder.resolve("linked.yaml"), target);

        assertThat(FileVersion.of(folder.resolve("gone.json"))).isEmpty();
        assertThat(FileVersion.of(link)).isEqualTo(FileVersion.of(target));
        assertThat(FileVersion.of(link, LinkOption.NOFOLLOW_LINKS)).isNotEqualTo(FileVersion.of(target));
    }
}
