package dev.parley.storage;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads an append-only text file's lines oldest first, one at a time, so memory holds a line and not
 * the file: a ledger grows for years, and a damaged one may hold no newline at all. A line longer
 * than {@link LinesFromEnd#MAX_LINE_BYTES} is skipped instead of held, as reading from the end does,
 * and counted, so the caller can say that lines were left out.
 * The file is opened by {@link OwnFiles#openForReading}: never through a link, never a pipe.
 */
public final class LinesFromStart {

    private LinesFromStart() {}

    /** Hands each line to {@code reader}; returns how many lines were skipped as too long. */
    public static int read(Path file, Consumer<String> reader) throws IOException {
        try (InputStream in = new BufferedInputStream(Channels.newInputStream(OwnFiles.openForReading(file)),
                LinesFromEnd.BLOCK_BYTES)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean overlong = false;
            int skipped = 0;
            for (int next = in.read(); next >= 0; next = in.read()) {
                if (next == '\n') {
                    skipped += tell(reader, line, overlong);
                    line.reset();
                    overlong = false;
                } else if (!overlong) {
                    line.write(next);
                    if (line.size() > LinesFromEnd.MAX_LINE_BYTES) {
                        overlong = true;
                        line.reset(); // the rest of the line is skipped, not held
                    }
                }
            }
            return skipped + tell(reader, line, overlong);
        }
    }

    /** Hands over a line; 1 if it was skipped as too long. */
    private static int tell(Consumer<String> reader, ByteArrayOutputStream line, boolean overlong) {
        if (overlong) {
            return 1;
        }
        if (line.size() > 0) {
            reader.accept(line.toString(StandardCharsets.UTF_8));
        }
        return 0;
    }
}
