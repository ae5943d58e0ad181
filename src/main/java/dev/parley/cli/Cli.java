package dev.parley.cli;

import dev.parley.ParleyException;
import dev.parley.config.ParleyPaths;
import dev.parley.logging.LogConfiguration;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;

/**
 * Runs one command line. Exit codes: 0 success, 1 a failure explained on one stderr line, 2 a usage
 * error. Streams are parameters so tests can run commands in-process.
 */
public final class Cli {

    private static final Logger LOG = LogManager.getLogger(Cli.class);

    private Cli() {}

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, () -> false);
    }

    /**
     * {@code outIsTerminal}: whether {@code out} shows on a terminal, where binary output (a WAV file
     * with {@code --out -}) is refused, as curl refuses it.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
            BooleanSupplier outIsTerminal) {
        ParleyCommand root = new ParleyCommand(in, out, outIsTerminal);
        PrintStream target = out; // inside PrintWriter, "out" names its own Writer
        PrintWriter stdout = new PrintWriter(target, true, StandardCharsets.UTF_8) {
            /** A PrintStream keeps its write errors to itself: a full disk must still reach the exit code. */
            @Override
            public boolean checkError() {
                return super.checkError() | target.checkError();
            }
        };
        CommandLine commandLine = new CommandLine(root)
                .setOut(stdout)
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setExecutionExceptionHandler((error, cmd, parsed) -> report(error, cmd));
        ParleyPaths paths = ParleyPaths.fromEnvironment();
        commandLine.getCommandSpec().usageMessage().footer("",
                "Config: " + paths.userConfigFile() + " (created on first run)",
                "Logs:   " + paths.logDir(),
                "Saved conversations: " + paths.conversationsDir(),
                "Exit codes: 0 ok, 1 failure (the reason on stderr), 2 usage error.");
        // The folder follows XDG_DATA_HOME and the OS, so it is named as found, like the folders above.
        commandLine.getSubcommands().get("conversations").getCommandSpec().usageMessage().footer("",
                "They live in " + paths.conversationsDir() + ", one JSON file each.");
        int exitCode = commandLine.execute(args);
        if (stdout.checkError()) {
            // Checked once at the end: the output is the command's result, and "ask > answer.txt" on a
            // full disk must not look like success.
            commandLine.getErr().println("parley: could not write all of the output: standard output is full"
                    + " or closed (a full disk, or a reader that went away).");
            commandLine.getErr().flush();
            return Math.max(exitCode, 1);
        }
        return exitCode;
    }

    private static int report(Exception error, CommandLine command) {
        PrintWriter err = command.getErr();
        if (error instanceof ParleyException) {
            LOG.info("{} failed: {}", command.getCommandName(), error.getMessage(), error);
            err.println("parley: " + TerminalText.oneLine(error.getMessage()));
        } else {
            LOG.error(LogConfiguration.FILE_ONLY, "{} failed unexpectedly", command.getCommandName(), error);
            err.println("parley: unexpected error: " + TerminalText.oneLine(String.valueOf(error)) + " (details in "
                    + ParleyPaths.fromEnvironment().logDir().resolve("parley.log") + ")");
        }
        err.flush();
        return 1;
    }
}
