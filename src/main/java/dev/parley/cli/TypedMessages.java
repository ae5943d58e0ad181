package dev.parley.cli;

import dev.parley.ParleyException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The messages of a typed {@code chat}. From a pipe or a file each line is a message, as scripts rely
 * on. From a terminal, text pasted with line breaks is one message, not one turn (and one paid
 * request) per line: a terminal hands its lines over at once, while a person types one at a time.
 * Lines that arrive within {@link #TOGETHER_NANOS} of each other are one paste, and a paste is held
 * until a line arrives alone: the Enter that sends it, with whatever was typed (or was the paste's
 * unfinished last line) before it. A line ending in a backslash continues on the next line, so a
 * message of several lines can be typed too.
 *
 * <p>Bracketed paste (ESC[?2004h) would mark a paste exactly, but the terminal's own line editing,
 * which the chat uses, echoes the markers as {@code ^[[200~} and lets Backspace erase half of one.
 */
final class TypedMessages {

    /**
     * Lines closer than this came in one write: a terminal passes a paste on within microseconds to a
     * few milliseconds, while nobody ends one line and types another in 30 ms.
     */
    static final long TOGETHER_NANOS = TimeUnit.MILLISECONDS.toNanos(30);

    /** A message longer than a model takes: refused, and the chat goes on. */
    static final class TooLong extends ParleyException {
        TooLong(String message) {
            super(message);
        }
    }

    /** A line as it arrived; {@code text} null at the end of the input, {@code failure} when it could not be read. */
    record Arrival(String text, long atNanos, ParleyException failure) {

        static Arrival end(long atNanos) {
            return new Arrival(null, atNanos, null);
        }
    }

    /** What arrives, in order; {@link Arrival#end} last. */
    interface Arrivals {
        /** The next arrival, or null if none comes within {@code nanos} (0: only one already here). */
        Arrival next(long nanos) throws InterruptedException;
    }

    private final BufferedReader lines;
    private final Arrivals arrivals;
    private final LongSupplier clock;
    private final Runnable promptForMore;
    /** An arrival seen but not yet taken. */
    private Arrival ahead;

    private TypedMessages(BufferedReader lines, Arrivals arrivals, LongSupplier clock, Runnable promptForMore) {
        this.lines = lines;
        this.arrivals = arrivals;
        this.clock = clock;
        this.promptForMore = promptForMore;
    }

    /** One message per line of {@code lines}: input from a pipe or a file. */
    static TypedMessages lineByLine(BufferedReader lines) {
        return new TypedMessages(lines, null, System::nanoTime, () -> {});
    }

    /**
     * Messages typed or pasted on a terminal into {@code lines}, read by a thread of its own that notes
     * when each line arrived. {@code promptForMore} runs when a line ending in a backslash asks for more.
     */
    static TypedMessages fromTerminal(BufferedReader lines, Runnable promptForMore) {
        BlockingQueue<Arrival> queue = new LinkedBlockingQueue<>();
        // A daemon: it waits in a read of the terminal, which nothing can interrupt, until the process ends.
        Thread.ofPlatform().daemon().name("parley-chat-input").start(() -> {
            while (true) {
                try {
                    String line = lines.readLine();
                    queue.add(line == null ? Arrival.end(System.nanoTime()) : new Arrival(line, System.nanoTime(), null));
                    if (line == null) {
                        return;
                    }
                } catch (ParleyException e) {
                    queue.add(new Arrival(null, System.nanoTime(), e));
                    return;
                } catch (IOException e) {
                    queue.add(new Arrival(null, System.nanoTime(), new ParleyException(e.getMessage(), e)));
                    return;
                }
            }
        });
        return fromArrivals(timeout -> queue.poll(timeout, TimeUnit.NANOSECONDS), System::nanoTime, promptForMore);
    }

    /** Over {@code arrivals} and {@code clock}: tests give lines their arrival times. */
    static TypedMessages fromArrivals(Arrivals arrivals, LongSupplier clock, Runnable promptForMore) {
        return new TypedMessages(null, arrivals, clock, promptForMore);
    }

    /** The next line alone (an answer to a question such as a tool's confirmation), or null at the end. */
    String readLine() throws IOException {
        if (arrivals == null) {
            return lines.readLine();
        }
        Arrival next = peek(Long.MAX_VALUE);
        if (next == null || next.text() == null) {
            return null;
        }
        ahead = null;
        return next.text();
    }

    /**
     * The next message, its lines joined by line breaks, or null at the end of the input.
     *
     * @throws ParleyException when the input cannot be read
     * @throws TooLong when a message is longer than {@link BoundedLineReader#MAX_LINE_CHARS}: nothing of it
     *     is sent, and the next message may follow
     */
    String readMessage() throws IOException {
        if (arrivals == null) {
            return lines.readLine();
        }
        Arrival last = peek(Long.MAX_VALUE);
        if (last == null || last.text() == null) {
            return null;
        }
        ahead = null;
        Message message = new Message(last.text());
        while (true) {
            int together = 1;
            for (Arrival next = peek(windowAfter(last)); next != null && next.text() != null
                    && next.atNanos() - last.atNanos() <= TOGETHER_NANOS; next = peek(windowAfter(last))) {
                ahead = null;
                message.add(next.text());
                last = next;
                together++;
            }
            if (together == 1) {
                if (!message.endsWithBackslash()) {
                    return message.text(); // a line that came alone: the Enter that sends
                }
                message.dropLastChar();
                promptForMore.run();
            }
            Arrival more = peek(Long.MAX_VALUE); // a paste waits for the Enter that sends it
            if (more == null || more.text() == null) {
                return message.text(); // the input ended: what came is sent
            }
            ahead = null;
            message.add(more.text());
            last = more;
        }
    }

    /** How long from now a line may still arrive to count as arriving with {@code last}. */
    private long windowAfter(Arrival last) {
        return Math.max(0, TOGETHER_NANOS - (clock.getAsLong() - last.atNanos()));
    }

    /**
     * The next arrival, the end included, waiting at most {@code nanos} (one already here is never
     * waited for); null if none came. It stays ahead until taken ({@code ahead = null}).
     */
    private Arrival peek(long nanos) throws IOException {
        if (ahead == null) {
            try {
                ahead = arrivals.next(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("the chat is ending");
            }
        }
        if (ahead != null && ahead.failure() != null) {
            throw ahead.failure(); // again at every read: the input cannot go on
        }
        return ahead;
    }

    /** A message being put together, its size bounded: a paste of megabytes must not fill the heap. */
    private static final class Message {

        private final StringBuilder text = new StringBuilder();
        private boolean tooLong;

        Message(String firstLine) {
            append(firstLine);
        }

        void add(String line) {
            append("\n");
            append(line);
        }

        private void append(String part) {
            if (text.length() + part.length() > BoundedLineReader.MAX_LINE_CHARS) {
                tooLong = true;
            } else if (!tooLong) {
                text.append(part);
            }
        }

        boolean endsWithBackslash() {
            return !text.isEmpty() && text.charAt(text.length() - 1) == '\\';
        }

        void dropLastChar() {
            text.setLength(text.length() - 1);
        }

        String text() {
            if (tooLong) {
                throw new TooLong(String.format(Locale.ROOT, "The text pasted is longer than %,d"
                        + " characters, more than a model takes as one message; nothing of it was sent. Paste a"
                        + " part at a time.", BoundedLineReader.MAX_LINE_CHARS));
            }
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == '\n') {
                end--; // the empty line of the Enter after a paste that ended with a line break
            }
            return text.substring(0, end);
        }
    }
}
