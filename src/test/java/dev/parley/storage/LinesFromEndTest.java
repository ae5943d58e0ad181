package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinesFromEndTest {

    @TempDir
    Path folder;

    private static List<String> allFromEnd(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        LinesFromEnd.read(file, line -> lines.add(line));
        return lines;
    }

    @Test
    void everyLineComesNewestFirstAcrossBlocks() throws IOException {
        // ~400 KB: lines cross the 64 KB block boundaries, some with characters of 2-4 bytes.
        List<String> written = IntStream.range(0, 10_000).mapToObj(i -> "line " + i + " ünïcødé ✓ 🎙 " + "x".repeat(i % 17))
                .toList();
        Path file = Files.writeString(folder.resolve("a.jsonl"), String.join("\n", written) + "\n");

        List<String> expected = new ArrayList<>(written);
        Collections.reverse(expected);
        assertThat(allFromEnd(file)).isEqualTo(expected);
    }

    @Test
    void aLastLineWithoutNewlineIsReadFirstAndBlankLinesAreLeftOut() throws IOException {
        Path file = Files.writeString(folder.resolve("a.jsonl"), "one\n\ntwo\nthree");

        assertThat(allFromEnd(file)).containsExactly("three", "two", "one");
        assertThat(allFromEnd(Files.writeString(folder.resolve("empty"), ""))).isEmpty();
    }

    @Test
    void theReaderStopsWhenItHasEnough() throws IOException {
        Path file = Files.writeString(folder.resolve("a.jsonl"), "1\n2\n3\n4\n5\n");
        List<String> seen = new ArrayList<>();

        LinesFromEnd.read(file, line -> seen.add(line) && seen.size() < 2);

        assertThat(seen).containsExactly("5", "4");
    }

    @Test
    void aLineTooLongToHoldIsSkippedAndTheOthersRead() throws IOException {
        String huge = "y".repeat(LinesFromEnd.MAX_LINE_BYTES + LinesFromEnd.BLOCK_BYTES * 3);
        Path file = Files.write(folder.resolve("a.jsonl"),
                ("first\n" + huge + "\nlast\n").getBytes(StandardCharsets.UTF_8));

        assertThat(allFromEnd(file)).containsExactly("last", "first");
    }
}
