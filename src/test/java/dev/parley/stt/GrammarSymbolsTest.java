package dev.parley.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrammarSymbolsTest {

    private static final int FST_MAGIC = 0x7eb2fdd6;
    private static final int SYMBOLS_MAGIC = 2125658996;
    /** An n-gram FST's header: magic, "ngram", "standard", version, flags, properties, start, counts. */
    private static final int HEADER_BYTES = 4 + 9 + 12 + 8 + 32;
    /** Stands for the n-gram FST's own data: 37 bytes, so no alignment could hide a shifted copy. */
    private static final byte[] GRAPH = "arcs, weights and states of the graph".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path folder;

    @Test
    void theInputWordListIsRemovedAndEverythingElseKeptByteForByte() throws IOException {
        Path grammar = folder.resolve("Gr.fst");
        Files.write(grammar, fst(3, symbols("<eps>", "hello", "world"), symbols("<eps>", "hello", "world")));
        FileTime unpacked = FileTime.fromMillis(315_532_800_000L); // as the model archive dates its files
        Files.setLastModifiedTime(grammar, unpacked);

        assertThat(GrammarSymbols.dropInputSymbols(grammar)).isTrue();

        assertThat(Files.readAllBytes(grammar)).isEqualTo(fst(2, new byte[0], symbols("<eps>", "hello", "world")));
        // A newer model archive must still be able to replace it, and nothing is left beside it.
        assertThat(Files.getLastModifiedTime(grammar)).isEqualTo(unpacked);
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(grammar);
        }
    }

    @Test
    void anotherKindOfFstIsLeftAloneEvenWithTwoWordLists() throws IOException {
        Path grammar = folder.resolve("HCLG.fst");
        byte[] constFst = fst("const", 3, symbols("<eps>", "hello"), symbols("<eps>", "hello"));
        Files.write(grammar, constFst);

        // Its data may be aligned to its position in the file, which removing bytes would shift.
        assertThat(GrammarSymbols.dropInputSymbols(grammar)).isFalse();
        assertThat(Files.readAllBytes(grammar)).isEqualTo(constFst);
    }

    @Test
    void aGrammarWithOneWordListOrAnotherFileIsLeftAlone() throws IOException {
        Path trimmed = folder.resolve("Gr.fst");
        byte[] once = fst(2, new byte[0], symbols("<eps>", "hello"));
        Files.write(trimmed, once);
        Path other = folder.resolve("README");
        Files.writeString(other, "not an FST");

        assertThat(GrammarSymbols.dropInputSymbols(trimmed)).isFalse();
        assertThat(GrammarSymbols.dropInputSymbols(other)).isFalse();

        assertThat(Files.readAllBytes(trimmed)).isEqualTo(once);
        assertThat(Files.readString(other)).isEqualTo("not an FST");
    }

    @Test
    void aGrammarCutInsideItsWordListIsAnErrorAndStaysAsItWas() throws IOException {
        Path grammar = folder.resolve("Gr.fst");
        byte[] whole = fst(3, symbols("<eps>", "hello"), symbols("<eps>", "hello"));
        byte[] cut = Arrays.copyOf(whole, HEADER_BYTES + 30); // inside the input word list
        Files.write(grammar, cut);

        assertThatThrownBy(() -> GrammarSymbols.dropInputSymbols(grammar)).isInstanceOf(IOException.class)
                .hasMessageContaining("ends inside");
        assertThat(Files.readAllBytes(grammar)).isEqualTo(cut);
    }

    @Test
    void theBuildLeftTheShippedModelWithOneWordList() throws IOException {
        Path grammar = Path.of("models/vosk-model-small-en-us-0.15/graph/Gr.fst");
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(grammar)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt()).isEqualTo(FST_MAGIC);
        for (int typeNames = 0; typeNames < 2; typeNames++) { // "ngram", "standard"
            int length = header.getInt();
            header.position(header.position() + length);
        }
        header.getInt(); // version

        assertThat(header.getInt()).as("flags: output symbols only").isEqualTo(2);
    }

    private static byte[] fst(int flags, byte[] inputSymbols, byte[] outputSymbols) {
        return fst("ngram", flags, inputSymbols, outputSymbols);
    }

    private static byte[] fst(String type, int flags, byte[] inputSymbols, byte[] outputSymbols) {
        ByteBuffer header = little(4 + 4 + type.length() + 12 + 8 + 32);
        header.putInt(FST_MAGIC);
        putString(header, type);
        putString(header, "standard");
        header.putInt(4).putInt(flags).putLong(0x3L).putLong(0).putLong(7).putLong(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(inputSymbols);
        out.writeBytes(outputSymbols);
        out.writeBytes(GRAPH);
        return out.toByteArray();
    }

    private static byte[] symbols(String... words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer start = little(4 + 4 + "words.txt".length() + 16);
        start.putInt(SYMBOLS_MAGIC);
        putString(start, "words.txt");
        start.putLong(words.length).putLong(words.length);
        out.writeBytes(start.array());
        for (int key = 0; key < words.length; key++) {
            ByteBuffer entry = little(4 + words[key].length() + 8);
            putString(entry, words[key]);
            entry.putLong(key);
            out.writeBytes(entry.array());
        }
        return out.toByteArray();
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void putString(ByteBuffer buffer, String text) {
        buffer.putInt(text.length()).put(text.getBytes(StandardCharsets.US_ASCII));
    }
}
