package dev.parley.cli;

import dev.parley.usage.BudgetNews;
import java.io.PrintWriter;

/**
 * How {@code ask} and the typed chat tell that spending reached 80 % of a budget: one line on stderr
 * (the voice chat prints the assistant's event instead, in {@link VoicePrinter}).
 */
final class BudgetNotice {

    private BudgetNotice() {}

    /** Prints each warning from now on; the handle stops it. */
    static BudgetNews.Subscription printing(PrintWriter err, BudgetNews news) {
        return news.subscribe(warning -> {
            err.println("parley: " + TerminalText.oneLine(warning.text()));
            err.flush();
        });
    }
}
