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
    void aRefusedPipeLeavesNoThreadWaitingToOpenIt() throws Exception {
        Path pipe = pipe();

        assertThatThrownBy(() -> GivenFiles.write(pipe, new byte[] {1}, Duration.ofMillis(200)))
                .isInstanceOf(FileSystemException.class);
        assertThatThrownBy(() -> GivenFiles.open(pipe, Duration.ofMillis(200))).isInstanceOf(FileSystemException.class);

        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(thread -> thread.getName().equals("parley-open-pipe"))
                .as("threads still blocked opening the pipe").isEmpty();
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

    /**
     * With standard output closed ({@code >&-}) descriptor 1 is the first file the JVM opens, its own
     * lib/modules: {@code --out /dev/stdout} truncated it and wrote the WAV into it, and Parley could not
     * start again. Here descriptor 1 is a file opened read-only, as lib/modules is.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void standardOutputOpenOnlyForReadingIsRefusedAndTheFileBehindItKept() throws Exception {
        Path notOutput = Files.writeString(folder.resolve("modules"), "the runtime's classes");

        Process child = writeToStandardOutput("1<", notOutput);

        assertThat(child.waitFor()).isEqualTo(3);
        assertThat(new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("standard output is closed or not open for writing");
        assertThat(Files.readString(notOutput)).isEqualTo("the runtime's classes");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void standardOutputAppendedToByTheShellKeepsWhatItHeld() throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.md"), "kept\n");

        Process child = writeToStandardOutput("1>>", notes);

        assertThat(child.waitFor()).as(new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        assertThat(Files.readString(notes)).isEqualTo("kept\nwritten");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDescriptorOfParleysOwnHoldingAFileIsRefusedNotTruncated() throws Exception {
        Path file = Files.writeString(folder.resolve("opened.bin"), "Parley's own");
        try (InputStream opened = Files.newInputStream(file)) {
            int descriptor = descriptorOf(file);

            assertThatThrownBy(() -> GivenFiles.write(Path.of("/dev/fd/" + descriptor), new byte[] {1}))
                    .isInstanceOf(FileSystemException.class)
                    .hasMessageContaining("give that file's path instead");
        }
        assertThat(Files.readString(file)).isEqualTo("Parley's own");
    }

    /** A JVM whose descriptor 1 is {@code file} opened as the shell's {@code redirection} says, writing "written" to /dev/stdout. */
    private static Process writeToStandardOutput(String redirection, Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder("bash", "-c", "exec \"$0\" -cp \"$1\" \"$2\" " + redirection + "\"$3\"", java,
                System.getProperty("java.class.path"), StandardOutputWriter.class.getName(), file.toString()).start();
    }

    private static int descriptorOf(Path file) throws IOException {
        try (var descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException closedMeanwhile) {
                    return false;
                }
            }).mapToInt(fd -> Integer.parseInt(fd.getFileName().toString())).findFirst().orElseThrow();
        }
    }

    /** The child: {@code --out /dev/stdout} as the commands write it. */
    static final class StandardOutputWriter {
        public static void main(String[] args) {
            try {
                GivenFiles.write(Path.of("/dev/stdout"), "written".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                System.err.println(FileErrors.reason(e));
                System.exit(3);
            }
        }
    }
}
