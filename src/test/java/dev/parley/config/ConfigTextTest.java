package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files that cannot be a config before a key is read: a folder, bytes that are not UTF-8 text, a binary
 * file, a file without settings. Each is one sentence naming the file and saying what to do, never the
 * parser's words ("Invalid UTF-8 start byte", "No content to map due to end-of-input").
 */
class ConfigTextTest {

    private static final String PROVIDERS = RefusedConfigs.ONE_PROVIDER;

    @TempDir
    Path folder;

    private final ConfigLoader loader = new ConfigLoader();

    private void assertRefused(Path file, String... messageParts) {
        RefusedConfigs.assertRefused(file, messageParts);
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(folder.resolve("config.yaml"), bytes);
    }

    @Test
    void aFolderIsRefusedAsNotAConfigFile() {
        assertRefused(folder, folder + " is a folder, not a config file; pass the path of a config.yaml to --config.");
    }

    @Test
    void aLatin1LetterIsRefusedWithItsLineAndHowToSaveTheFile() throws IOException {
        Path file = write((PROVIDERS + "  user-name: Ren\u00e9 Dupont\n").getBytes(StandardCharsets.ISO_8859_1));

        assertRefused(file, file + " line 5 is not UTF-8 text; save the file as UTF-8 in your editor");
    }

    @Test
    void aLatin1LetterAtTheEndOfTheFileIsRefusedToo() throws IOException {
        Path file = write((PROVIDERS + "  user-name: Ren\u00e9").getBytes(StandardCharsets.ISO_8859_1));

        assertRefused(file, "line 5 is not UTF-8 text");
    }

    @Test
    void aBinaryFileIsRefusedAsNotText() throws IOException {
        assertRefused(write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}),
                "line 1 is not UTF-8 text");
        assertRefused(write(new byte[] {'l', 'l', 'm', ':', '\n', 0, 0, 0, 1}),
                "line 2 has the control character U+0000, which a YAML file cannot hold",
                "pass the path of a config.yaml to --config");
    }

    @Test
    void aUtf16FileIsAskedToBeSavedAsUtf8() throws IOException {
        assertRefused(write(PROVIDERS.getBytes(StandardCharsets.UTF_16)),
                "is saved as UTF-16 (Windows calls it Unicode); save it as UTF-8 in your editor.");
    }

    @Test
    void aUtf8FileWithAByteOrderMarkLoads() throws IOException {
        Path file = write(("\uFEFF" + PROVIDERS).getBytes(StandardCharsets.UTF_8));

        assertThat(loader.load(file).llm().active()).isEqualTo("a");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "   \n\n", " \t\n  \n", "\uFEFF", "---\n", "null\n", "~\n"})
    void aFileWithNothingInItIsEmptyAndAFreshOneIsOffered(String text) throws IOException {
        Path file = write(text.getBytes(StandardCharsets.UTF_8));

        assertRefused(file, file + " is empty; delete it and Parley writes a fresh one on the next start.");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"# llm:\n#   active: a\n", "\n  # indented\n\n#last", "# one\n\t\n"})
    void aFileOfOnlyCommentsIsSaidToHoldNoSettings(String text) throws IOException {
        Path file = write(text.getBytes(StandardCharsets.UTF_8));

        assertRefused(file, file + " holds only comments, no settings; delete it and Parley writes a fresh one");
    }

    @Test
    void anEmptyPipeIsNotToldToBeDeleted() throws Exception {
        Path pipe = folder.resolve("config-pipe.yaml");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        Thread writer = Thread.ofPlatform().start(() -> {
            try (var out = Files.newOutputStream(pipe)) {
                out.write("# nothing\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertRefused(pipe, "holds only comments, no settings; pass the path of a config.yaml to --config.");
        writer.join();
    }
}
