package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class GivenFilesTest {

    @TempDir
    Path folder;

    private Path pipe() throws Exception {
        Path pipe = folder.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        return pipe;
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aPipeNothingWritesToIsRefusedSayingSoInsteadOfWaitingForEver() throws Exception {
        Path pipe = pipe();

        assertThatThrownBy(() -> GivenFiles.open(pipe, Duration.ofMillis(200)))
                .isInstanceOf(FileSystemException.class)
                .satisfies(e -> assertThat(FileErrors.reason((IOException) e)).startsWith(
                        "nothing opened this pipe to write into it within").endsWith("or give a file"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aPipeWithAWriterIsReadAsAFileIs() throws Exception {
        Path pipe = pipe();
        Thread writer = Thread.ofPlatform().start(() -> {
            try (OutputStream out = Files.newOutputStream(pipe)) {
                out.write("llm: {}\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        try (InputStream in = GivenFiles.open(pipe, Duration.ofMinutes(1))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("llm: {}\n");
        }
        writer.join();
    }

    @Test
    void aRegularFileOrAMissingOneIsOpenedAsTheJdkDoes() throws Exception {
        Path file = Files.writeString(folder.resolve("a.yaml"), "x");

        try (InputStream in = GivenFiles.open(file)) {
            assertThat(in.readAllBytes()).hasSize(1);
        }
        assertThatThrownBy(() -> GivenFiles.open(folder.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aPipeNobodyReadsIsRefusedSayingSoInsteadOfWaitingForEver() throws Exception {
        Path pipe = pipe();

        assertThatThrownBy(() -> GivenFiles.write(pipe, new byte[] {1}, Duration.ofMillis(200)))
                .isInstanceOf(FileSystemException.class)
                .satisfies(e -> assertThat(FileErrors.reason((IOException) e)).startsWith(
                        "nothing opened this pipe to read from it within"));
        assertThat(Files.isRegularFile(pipe)).as("still the pipe").isFalse();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aPipeWithAReaderGetsTheBytesAndStaysAPipe() throws Exception {
        Path pipe = pipe();
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(pipe)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> Thread.ofPlatform().start(runnable));

        GivenFiles.write(pipe, new byte[] {1, 2, 3}, Duration.ofMinutes(1));

        assertThat(read.get()).containsExactly(1, 2, 3);
        assertThat(Files.isRegularFile(pipe)).isFalse();
    }

    @Test
    void aLinkIsWrittenThroughAndARegularFileReplacedWhole() throws Exception {
        Path target = Files.writeString(folder.resolve("target.wav"), "old and longer");
        Path link = Files.createSymbolicLink(folder.resolve("link.wav"), target);
        Path plain = Files.writeString(folder.resolve("plain.wav"), "old");

        GivenFiles.write(link, "new".getBytes(StandardCharsets.UTF_8));
        GivenFiles.write(plain, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(Files.readString(plain)).isEqualTo("new");
    }
}
