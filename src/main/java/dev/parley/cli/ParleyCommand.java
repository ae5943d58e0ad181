package dev.parley.cli;

import dev.parley.Components;
import dev.parley.logging.LogLevels;
import dev.parley.config.LoggingConfig;
import dev.parley.config.ParleyConfig;
import dev.parley.config.LastGoodConfig;
import dev.parley.config.ParleyPaths;
import dev.parley.llm.ApiKeys;
import java.io.PrintWriter;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "parley",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A private, real-time voice assistant. Offline by default, or through any LLM you choose.",
        subcommands = {TranscribeCommand.class, ListenCommand.class, SayCommand.class, AskCommand.class, TurnCommand.class,
                ChatCommand.class, ConversationsCommand.class, BenchCommand.class, StatsCommand.class,
                ProvidersCommand.class, TestCommand.class, DetectCommand.class, SetupCommand.class,
                ServeCommand.class, EventsCommand.class})
final class ParleyCommand implements Runnable {

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Config file to use instead of the user's config.yaml.")
    Path configFile;

    /** Set by {@code --log-level}: wins over the config's {@code logging.level}. */
    private String logLevel;

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL",
            description = "How much goes to the log file: debug, info, warn or error (overrides logging.level).")
    void logLevel(String level) {
        String normalized = level.strip().toLowerCase(Locale.ROOT);
        LoggingConfig.levelProblem(normalized).ifPresent(problem -> {
            throw new ParameterException(spec.commandLine(), "--log-level " + problem);
        });
        logLevel = normalized;
        LogLevels.apply(normalized);
    }

    @Spec
    CommandSpec spec;

    private final InputStream stdin;
    private final PrintStream stdout;
    /** Asked only for {@code --out -}: asking loads libc through JNA, which no other command needs. */
    private final BooleanSupplier stdoutIsTerminal;

    ParleyCommand(InputStream stdin, PrintStream stdout, BooleanSupplier stdoutIsTerminal) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stdoutIsTerminal = stdoutIsTerminal;
    }

    InputStream stdin() {
        return stdin;
    }

    /**
     * Standard output as bytes, for a file written there ({@code --out -}): the command line's writer
     * would encode them as text. Its write errors are seen by {@link Cli}, as the writer's are.
     */
    PrintStream stdout() {
        return stdout;
    }

    /** Whether {@link #stdout()} shows on a terminal, rather than going to a pipe or a file. */
    boolean stdoutIsTerminal() {
        return stdoutIsTerminal.getAsBoolean();
    }

    Components components() {
        Components components = Components.load(configFile);
        applyLogLevel(components.config());
        return components;
    }

    /**
     * For the long-running commands ({@code chat}, {@code serve}): when the config file is broken,
     * the last config that worked, with the file's error and that notice on {@code err}.
     */
    Components componentsOrLastGood(PrintWriter err) {
        ParleyPaths paths = ParleyPaths.fromEnvironment();
        LastGoodConfig.Loaded loaded = LastGoodConfig.load(configFile, paths);
        loaded.notice().ifPresent(notice -> {
            err.println("parley: " + notice);
            err.flush();
        });
        applyLogLevel(loaded.config());
        return new Components(paths, loaded.config(), ApiKeys.fromSystemEnvironment());
    }

    private void applyLogLevel(ParleyConfig config) {
        LogLevels.apply(logLevel != null ? logLevel : config.logging().level());
    }

    /** Options without a subcommand: help (no arguments, or only {@code --config FILE}, open the window in {@code Main}). */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
