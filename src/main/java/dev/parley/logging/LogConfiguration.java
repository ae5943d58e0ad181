package dev.parley.logging;

import dev.parley.config.ParleyPaths;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Filter.Result;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.appender.NullAppender;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.BurstFilter;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.apache.logging.log4j.core.filter.MarkerFilter;
import org.apache.logging.log4j.core.filter.ThresholdFilter;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Parley's only logging configuration, built in code rather than read from a log4j2.xml. The console
 * (stderr) shows warnings and worse so the CLI's stdout stays clean for answers; everything from INFO
 * goes to a rolling file in the user's data folder ({@code parley.log.dir}, set by {@code Main};
 * {@code parley.log.console} raises or lowers the console's level).
 *
 * <p>Why code: Log4j builds an XML configuration by reflection over its plugins' annotations, which
 * made ~20 annotation proxy classes and parsed the XML on every start, ~0.2 s of the main thread
 * before anything else could run (docs/performance.md). The builders below are the same plugins,
 * called directly.
 */
public final class LogConfiguration extends AbstractConfiguration {

    /**
     * For the log file alone: details whose one-line summary the command prints itself (an unexpected
     * error's stack trace).
     */
    public static final Marker FILE_ONLY = MarkerManager.getMarker("LOG_FILE_ONLY");

    LogConfiguration(LoggerContext context) {
        super(context, ConfigurationSource.NULL_SOURCE);
        setName("parley");
    }

    /**
     * In place of Log4j's own, which builds the elements of a parsed file. It would also start Log4j's
     * scheduler, which nothing here uses: a cron rollover, an idle purge or a {@code monitorInterval}
     * added later needs {@code getScheduler().start()} too.
     */
    @Override
    protected void doConfigure() {
        Appender console = console();
        Appender file = file();
        addAppender(console);
        addAppender(file);
        // MaryTTS warns on every sentence (e.g. "Locale is null, overriding with en").
        logger("marytts", Level.ERROR, null);
        logger("de.dfki.lt", Level.ERROR, null);
        logger("dev.langchain4j", Level.WARN, null);
        // An MCP server is a program of the user's choice: one that prints non-JSON gets a warning per
        // line, millions a minute, which would rotate every earlier log away. After a burst of 20, at
        // most one such warning a second is kept (errors always are).
        logger("dev.langchain4j.mcp", Level.WARN, burst());
        // The control API's server: any local program, token or not, can open connections and break
        // them off mid-request, and Helidon warns of each with a stack trace (1.2 KB); a few thousand
        // would rotate every earlier log away. Those warnings are about the client, so only errors of
        // the connection handler are kept, and the rest of Helidon is rate-limited like MCP.
        logger("io.helidon.webserver.http1.Http1Connection", Level.ERROR, null);
        logger("io.helidon", Level.INFO, burst());
        // Its start and a failed bind (port in use): serve and the window say that in their own words,
        // so on the terminal it would be said three times; the log file keeps Helidon's lines.
        logger("io.helidon.webserver.LoomServer", Level.INFO, null, false).addAppender(file, null, null);
        // The global key hook logs every key event at INFO.
        logger("com.github.kwhat.jnativehook", Level.WARN, null);
        // Per 100 ms while Parley speaks, how much of its voice the echo canceller lets through:
        // -Dparley.log.echo=DEBUG to measure leaks (docs/performance.md, Barge-in); the same switch
        // logs what the barge-in gate dropped as noise.
        Level echo = Level.toLevel(System.getProperty("parley.log.echo"), Level.INFO);
        logger("dev.parley.audio.echo.EchoLeakMeter", echo, null);
        logger("dev.parley.voice.BargeInGate", echo, null);
        LoggerConfig root = getRootLogger();
        root.setLevel(Level.INFO);
        root.addAppender(console, null, null);
        root.addAppender(file, null, null);
    }

    /** A stack trace is for the log file: on the terminal a failure is one line, its cause's message in brackets. */
    private Appender console() {
        Level level = Level.toLevel(System.getProperty("parley.log.console"), Level.WARN);
        Filter filters = CompositeFilter.createFilters(
                MarkerFilter.createFilter(FILE_ONLY.getName(), Result.DENY, Result.NEUTRAL),
                ThresholdFilter.createFilter(level, Result.ACCEPT, Result.DENY));
        return ConsoleAppender.newBuilder()
                .setName("console")
                .setTarget(ConsoleAppender.Target.SYSTEM_ERR)
                .setFilter(filters)
                .setLayout(layout("parley: %level %c{1}: " + LogPatterns.cleaned("%msg%notEmpty{ (%throwable{short.message})}")
                        + "%n"))
                .setConfiguration(this)
                .build();
    }

    /**
     * No log folder could be made (the data folder's path is a file, say): Main says so in one line and
     * sets parley.log.file=off, and the file is then nowhere, instead of Log4j printing a stack trace.
     */
    private Appender file() {
        if ("off".equals(System.getProperty("parley.log.file"))) {
            return NullAppender.createAppender("file");
        }
        // Main sets parley.log.dir first thing; ParleyPaths reads it, or gives the OS's own folder where
        // Log4j starts without Main (tests, a tool on the class path).
        Path folder = ParleyPaths.fromEnvironment().logDir();
        return RollingFileAppender.newBuilder()
                .setName("file")
                .withFileName(folder.resolve("parley.log").toString())
                .withFilePattern(folder.resolve("parley-%i.log.gz").toString())
                .withCreateOnDemand(true)
                .withFilePermissions("rw-------")
                .withPolicy(SizeBasedTriggeringPolicy.createPolicy("5 MB"))
                .withStrategy(DefaultRolloverStrategy.newBuilder().withMax("5").withConfig(this).build())
                .setLayout(layout("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %c{1.} - " + LogPatterns.cleaned("%msg") + "%n"
                        + LogPatterns.cleanedTrace("%throwable")))
                .setConfiguration(this)
                .build();
    }

    private PatternLayout layout(String pattern) {
        return PatternLayout.newBuilder()
                .withConfiguration(this)
                .withPattern(pattern)
                .withAlwaysWriteExceptions(false)
                .build();
    }

    private static Filter burst() {
        return BurstFilter.newBuilder().setLevel(Level.WARN).setRate(1).setMaxBurst(20).build();
    }

    private LoggerConfig logger(String name, Level level, Filter filter) {
        return logger(name, level, filter, true);
    }

    private LoggerConfig logger(String name, Level level, Filter filter, boolean additive) {
        LoggerConfig logger = LoggerConfig.newBuilder()
                .setLoggerName(name)
                .setLevel(level)
                .setAdditivity(additive)
                .setFilter(filter)
                .setConfig(this)
                .build();
        addLogger(name, logger);
        return logger;
    }
}
