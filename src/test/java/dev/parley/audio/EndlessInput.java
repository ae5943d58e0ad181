package dev.parley.audio;

import java.io.InputStream;

/**
 * A stream that starts with given bytes and then repeats a pattern for ever, like /dev/zero after a
 * header, and fails the test if a reader takes more than a set number of bytes from it: a reader that
 * loads a file whole never gets away with it.
 */
public final class EndlessInput extends InputStream {

    private final byte[] start;
    private final byte[] pattern;
    private final long readLimit;
    private long position;

    public EndlessInput(byte[] start, byte[] pattern, long readLimit) {
        this.start = start;
        this.pattern = pattern;
        this.readLimit = readLimit;
    }

    public long bytesRead() {
        return position;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        read(one, 0, 1);
        return one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position + length > readLimit) {
            throw new AssertionError("read past " + readLimit + " bytes of an endless stream: the reader does not stream");
        }
        for (int i = 0; i < length; i++, position++) {
            buffer[offset + i] = position < start.length
                    ? start[(int) position]
                    : pattern[(int) ((position - start.length) % pattern.length)];
        }
        return length;
    }
}
