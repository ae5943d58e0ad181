package dev.parley.cli;

import dev.parley.audio.AudioDeviceException;
import dev.parley.audio.LevelMeter;
import dev.parley.audio.MicrophoneListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What {@code parley listen} shows while it listens: a level bar and the words so far. On a terminal
 * one status line is redrawn in place 20 times a second; into a file or pipe it writes one line per
 * second (the loudest level of that second) and one per change of the words, so logs stay readable.
 */
final class LevelDisplay implements MicrophoneListener {

    private static final int BAR_WIDTH = 30;
    private static final long LINE_NANOS = 1_000_000_000L;
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter err;
    private final boolean terminal;
    private String words = "";
    private double loudest = Double.NEGATIVE_INFINITY;
    private long lastLine = System.nanoTime();
    private boolean statusShown;

    LevelDisplay(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void level(double dbfs) {
        if (terminal) {
            err.print(CLEAR_LINE + line(dbfs) + (words.isEmpty() ? "" : "  " + words));
            err.flush();
            statusShown = true;
            return;
        }
        loudest = Math.max(loudest, dbfs);
        if (System.nanoTime() - lastLine >= LINE_NANOS) {
            err.println(line(loudest));
            err.flush();
            loudest = Double.NEGATIVE_INFINITY;
            lastLine = System.nanoTime();
        }
    }

    /** The words recognized so far; shown when they change. */
    synchronized void words(String partial) {
        if (partial.equals(words)) {
            return;
        }
        words = partial;
        if (!terminal) {
            err.println("heard so far: " + partial);
            err.flush();
        }
    }

    @Override
    public synchronized void deviceLost(AudioDeviceException problem) {
        note("parley: " + problem.getMessage());
    }

    @Override
    public synchronized void deviceRestored() {
        note("parley: the microphone delivers audio again");
    }

    /** Ends the status line so what follows starts on a fresh one. */
    synchronized void finish() {
        if (terminal && statusShown) {
            err.print(CLEAR_LINE);
            err.flush();
            statusShown = false;
        }
    }

    /** A line of its own, above the status line. */
    synchronized void note(String text) {
        finish();
        err.println(text);
        err.flush();
    }

    static String line(double dbfs) {
        int filled = LevelMeter.meterCells(dbfs, BAR_WIDTH);
        return String.format(Locale.ROOT, "level %4.0f dBFS [%s%s]", dbfs, "#".repeat(filled), " ".repeat(BAR_WIDTH - filled));
    }
}
