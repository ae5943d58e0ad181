package dev.parley.cli;

import java.io.PrintWriter;

/** How the CLI tells that a timer is done (the voice path will speak it instead). */
final class TimerNotice {

    private TimerNotice() {}

    static void print(PrintWriter err, String label) {
        err.println();
        err.println("⏰ Timer '" + TerminalText.safe(label) + "' is done.");
        err.flush();
    }
}
