package dev.parley.llm;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A streamed reply body that fails once a line grows past a limit. Stream events are one line each (an
 * SSE {@code data:} line, an NDJSON object) of at most a few kilobytes; the parsers buffer a line until
 * its end, so a server that never sends one would fill memory while the reply waits for its first word.
 */
final class LineLimitedInputStream extends FilterInputStream {

    static final int MAX_LINE_BYTES = 1 << 20;

    private final long maxLineBytes;
    private final String tooLong;
    private long lineBytes;

    LineLimitedInputStream(InputStream in) {
        this(in, MAX_LINE_BYTES, "the server sent a line longer than 1 MB, which no reply event is");
    }

    /** Fails with {@code tooLong} as the message once a line grows past {@code maxLineBytes}. */
    LineLimitedInputStream(InputStream in, long maxLineBytes, String tooLong) {
        super(in);
        this.maxLineBytes = maxLineBytes;
        this.tooLong = tooLong;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            count(buffer[i]);
        }
        return read;
    }

    private void count(int b) throws IOException {
        if (b == '\n') {
            lineBytes = 0;
        } else if (++lineBytes > maxLineBytes) {
            throw new IOException(tooLong);
        }
    }
}
