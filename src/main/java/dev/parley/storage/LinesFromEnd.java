package dev.parley.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads an append-only text file's lines from its end, newest first, until the reader has seen
 * enough: the cost is what is read, not the file's size (a usage ledger grows by a line per request,
 * for years). Lines are split on the newline byte, which UTF-8 never uses inside a character; a line
 * longer than {@link #MAX_LINE_BYTES} (a damaged or hostile file) is skipped instead of held.
 */
public final class LinesFromEnd {

    /** Told each line, newest first; returns false to stop reading. */
    @FunctionalInterface
    public interface Reader {
        boolean line(String line);
    }

    static final int BLOCK_BYTES = 64 * 1024;
    public static final int MAX_LINE_BYTES = 1024 * 1024;

    private LinesFromEnd() {}

    public static void read(Path file, Reader reader) throws IOException {
        try (FileChannel channel = OwnFiles.openForReading(file)) {
            long position = channel.size();
            byte[] carry = new byte[0]; // the start of a line whose end was read already
            boolean overlong = false;
            while (position > 0) {
                int length = (int) Math.min(BLOCK_BYTES, position);
                position -= length;
                byte[] bytes = new byte[length + carry.length];
                ByteBuffer block = ByteBuffer.wrap(bytes, 0, length);
                while (block.hasRemaining() && channel.read(block, position + block.position()) >= 0) {
                    // read() may return fewer bytes than asked
                }
                System.arraycopy(carry, 0, bytes, length, carry.length);
                int lineEnd = bytes.length;
                for (int i = bytes.length - 1; i >= 0; i--) {
                    if (bytes[i] == '\n') {
                        if (!overlong && !tell(reader, bytes, i + 1, lineEnd)) {
                            return;
                        }
                        overlong = false;
                        lineEnd = i;
                    }
                }
                overlong |= lineEnd > MAX_LINE_BYTES;
                carry = overlong ? new byte[0] : Arrays.copyOf(bytes, lineEnd);
            }
            if (!overlong) {
                tell(reader, carry, 0, carry.length);
            }
        }
    }

    private static boolean tell(Reader reader, byte[] bytes, int from, int to) {
        return from >= to || reader.line(new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }
}
