package dev.parley;

import dev.parley.cli.Cli;
import dev.parley.config.ParleyPaths;

/**
 * Entry point. Decides where the log file goes before anything touches Log4j, so this class must
 * not hold a logger of its own.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (System.getProperty("parley.log.dir") == null) {
            System.setProperty("parley.log.dir", ParleyPaths.fromEnvironment().logDir().toString());
        }
        System.exit(Cli.run(args, System.in, System.out, System.err));
    }
}
