package dev.parley.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The lines of an event stream (SSE) from whatever answers on the port, each at most {@link #MAX_LINE_BYTES}
 * and each within an idle time of the one before. Read whole, a server sending one endless line filled the
 * memory (5.5 GB before it was printed); read without a deadline, a server that stops sending kept the
 * client waiting forever. The lines are read on a thread of their own, so the wait for the next one can
 * end on time whatever the server does; at most a few wait unread, so a slow terminal bounds the memory.
 */
final class EventStreamLines implements AutoCloseable {

    /** Far more than any event Parley sends (a few kilobytes at most); a longer line is not Parley's. */
    static final int MAX_LINE_BYTES = 1024 * 1024;

    /** A line of more than {@link #MAX_LINE_BYTES}; nothing of it is returned. */
    static final class LineTooLongException extends IOException {
        LineTooLongException() {
            super("a line longer than " + MAX_LINE_BYTES + " bytes");
        }
    }

    /** Nothing, not even a keep-alive, came within the idle time. */
    static final class SilentException extends IOException {
        SilentException(Duration idle) {
            super("nothing for " + idle.toSeconds() + " s");
        }
    }

    private static final Object END = new Object();

    private final InputStream body;
    private final Duration idle;
    private final int maxLineBytes;
    private final BlockingQueue<Object> lines = new ArrayBlockingQueue<>(4);
    private final Thread reader;

    EventStreamLines(InputStream body, Duration idle) {
        this(body, idle, MAX_LINE_BYTES);
    }

    EventStreamLines(InputStream body, Duration idle, int maxLineBytes) {
        this.body = body;
        this.idle = idle;
        this.maxLineBytes = maxLineBytes;
        this.reader = Thread.ofVirtual().name("parley-event-lines").start(this::readAll);
    }

    /**
     * The next line without its end (\n, or \r\n), or null when the stream ended.
     *
     * @throws LineTooLongException when the line is longer than the limit
     * @throws SilentException when nothing came within the idle time
     * @throws IOException when the connection failed
     */
    String next() throws IOException, InterruptedException {
        Object item = lines.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
        if (item == null) {
            throw new SilentException(idle);
        }
        if (item instanceof IOException failed) {
            lines.offer(failed); // every later call fails the same way
            throw failed;
        }
        if (item == END) {
            lines.offer(END);
            return null;
        }
        return (String) item;
    }

    private void readAll() {
        Object last;
        try {
            for (String line = line(); line != null; line = line()) {
                lines.put(line);
            }
            last = END;
        } catch (IOException e) {
            last = e;
        } catch (InterruptedException closed) {
            return; // close() ended the reading
        }
        try {
            lines.put(last);
        } catch (InterruptedException closed) {
            // close() ended the reading
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = body.read(); b != -1; b = body.read()) {
            if (b == '\n') {
                return decoded(line);
            }
            if (line.size() == maxLineBytes) {
                throw new LineTooLongException();
            }
            line.write(b);
        }
        return line.size() == 0 ? null : decoded(line);
    }

    private static String decoded(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** Ends the reading; the caller closes the connection, which ends a read in progress. */
    @Override
    public void close() {
        reader.interrupt();
    }
}
