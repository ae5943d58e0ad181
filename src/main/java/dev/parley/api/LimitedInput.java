package dev.parley.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body read up to a limit: one byte more fails with {@link TooLarge}, whatever the body declared.
 * Each read must make progress within {@link ReadDeadlines#SILENCE}: a body declared and never sent
 * does not hold its request (and a route's slot, as /transcribe's) for ever.
 */
final class LimitedInput extends FilterInputStream {

    /** The body went past the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long read;

    LimitedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b;
        ReadDeadlines.reading();
        try {
            b = super.read();
        } finally {
            ReadDeadlines.done();
        }
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        ReadDeadlines.reading();
        try {
            n = super.read(buffer, offset, length);
        } finally {
            ReadDeadlines.done();
        }
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws TooLarge {
        read += n;
        if (read > limit) {
            throw new TooLarge(limit);
        }
    }
}
