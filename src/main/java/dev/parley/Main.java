package dev.parley;

import dev.parley.cli.Cli;
import dev.parley.config.ParleyPaths;
import dev.parley.ui.Desktop;

/**
 * Entry point: with no arguments the desktop window, otherwise the command line. Decides where the log file goes before anything touches Log4j, so this class must
 * not hold a logger of its own.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (System.getProperty("parley.log.dir") == null) {
            System.setProperty("parley.log.dir", ParleyPaths.fromEnvironment().logDir().toString());
        }
        if (args.length == 0) {
            // No command: the desktop window (`parley --help` lists the commands).
            System.exit(Desktop.run(args));
        }
        System.exit(Cli.run(args, System.in, System.out, System.err));
    }
}
