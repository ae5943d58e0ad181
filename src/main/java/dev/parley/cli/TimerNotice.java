package dev.parley.cli;

import dev.parley.tools.FinishedTimer;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;

/** How the CLI tells that a timer is done (the voice path speaks it too). */
final class TimerNotice {

    private TimerNotice() {}

    static void print(PrintWriter err, FinishedTimer timer) {
        err.println();
        err.println("⏰ " + TerminalText.oneLine(timer.sentence(ZoneId.systemDefault(), Instant.now())));
        err.flush();
    }
}
