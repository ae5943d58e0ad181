package dev.parley.cli;

import dev.parley.ParleyException;
import dev.parley.storage.FileErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * Standard input's lines, each at most {@link #MAX_LINE_CHARS} long. {@link BufferedReader#readLine}
 * gathers a line of any length, so {@code parley chat < /dev/zero} (or any file without line breaks)
 * filled the heap and ended in an OutOfMemoryError; here such input fails with a sentence instead.
 */
final class BoundedLineReader extends BufferedReader {

    /** Far more than anyone types or pastes as one message, and a few hundred kilobytes at most. */
    static final int MAX_LINE_CHARS = 100_000;

    private final int limit;
    /** After a \r: a \n next belongs to the same line end (not read ahead, so a terminal never waits for it). */
    private boolean afterCarriageReturn;

    BoundedLineReader(Reader in) {
        this(in, MAX_LINE_CHARS);
    }

    BoundedLineReader(Reader in, int limit) {
        super(in);
        this.limit = limit;
    }

    /**
     * The next line without its end (\n, \r\n or \r), or null at the end of the input.
     *
     * @throws ParleyException when the line is longer than the limit (nothing of it is returned), or the
     *     input cannot be read at all (a folder given as input)
     */
    @Override
    public String readLine() {
        try {
            return boundedLine();
        } catch (IOException e) {
            throw new ParleyException("Cannot read standard input (" + FileErrors.reason(e) + "); give parley text"
                    + " as its input, typed or from a text file.", e);
        }
    }

    private String boundedLine() throws IOException {
        synchronized (lock) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = read()) != -1) {
                boolean lineFeedOfCrLf = afterCarriageReturn && c == '\n' && line.isEmpty();
                afterCarriageReturn = c == '\r';
                if (lineFeedOfCrLf) {
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    return line.toString();
                }
                if (line.length() == limit) {
                    throw new ParleyException(String.format(Locale.ROOT, "A line of standard input is longer than"
                            + " %,d characters, which is not a message anyone typed or pasted (is a file that is not"
                            + " text redirected to parley?); nothing of it was sent.", limit));
                }
                line.append((char) c);
            }
            return line.isEmpty() ? null : line.toString();
        }
    }
}
