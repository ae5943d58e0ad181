package dev.parley.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A body read up to a limit: one byte more fails with {@link TooLarge}, whatever the body declared.
 * Each read must make progress within {@link ReadDeadlines#SILENCE}, and the whole body must be in
 * within {@link #WHOLE_BODY}: a body declared and never sent, or trickled a byte at a time, does not
 * hold its request (and a route's slot, as /transcribe's one upload at a time) for ever.
 */
final class LimitedInput extends FilterInputStream {

    /** The body went past the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    /** Time for a whole body: 25 MB of audio takes milliseconds over loopback, seconds over a slow LAN. */
    static final Duration WHOLE_BODY = Duration.ofSeconds(60);

    private final long limit;
    private final long wholeBy;
    private long read;

    LimitedInput(InputStream in, long limit) {
        this(in, limit, WHOLE_BODY);
    }

    LimitedInput(InputStream in, long limit, Duration whole) {
        super(in);
        this.limit = limit;
        this.wholeBy = System.nanoTime() + whole.toNanos();
    }

    private void reading() {
        long silent = System.nanoTime() + ReadDeadlines.SILENCE.toNanos();
        ReadDeadlines.readingUntil(silent - wholeBy < 0 ? silent : wholeBy);
    }

    @Override
    public int read() throws IOException {
        int b;
        reading();
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
        reading();
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

    /** Helidon's body stream reads from the socket as it closes (Jackson closes it after a syntax error). */
    @Override
    public void close() throws IOException {
        reading();
        try {
            super.close();
        } finally {
            ReadDeadlines.done();
        }
    }

    private void count(int n) throws TooLarge {
        read += n;
        if (read > limit) {
            throw new TooLarge(limit);
        }
    }
}
