package dev.parley.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.filter.Filterable;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parley's logging configuration, in a context of its own: against a flood of library warnings,
 * keeping stack traces off the terminal, and its safety net that masks key shapes (and only those).
 */
class LogFloodTest {

    @TempDir
    Path logs;

    @Test
    void anMcpServerPrintingGarbageCannotFloodTheLog() throws IOException {
        List<String> lines = logged("dev.langchain4j.mcp.transport.stdio.JsonRpcIoHandler", 100_000);

        assertThat(lines).hasSizeBetween(20, 200);
        assertThat(lines.getFirst()).contains("not valid JSON: garbage 0");
    }

    @Test
    void clientsBreakingOffApiRequestsCannotFloodTheLog() throws IOException {
        assertThat(logged("io.helidon.webserver.http1.Http1Connection", 5_000)).isEmpty();
    }

    @Test
    void theRestOfTheApiServersWarningsAreRateLimited() throws IOException {
        assertThat(logged("io.helidon.webserver.websocket.WsConnection", 5_000)).hasSizeBetween(20, 200);
    }

    @Test
    void parleysOwnWarningsAreNotRateLimited() throws IOException {
        assertThat(logged("dev.parley.llm.McpServers", 500)).hasSize(500);
    }

    private List<String> logged(String loggerName, int warnings) throws IOException {
        String before = System.getProperty("parley.log.dir");
        System.setProperty("parley.log.dir", logs.toString()); // read when the configuration is built
        LoggerContext context = new LoggerContext("flood");
        try {
            context.start(new LogConfiguration(context));
            Logger logger = context.getLogger(loggerName);
            for (int i = 0; i < warnings; i++) {
                logger.warn("Ignoring message received because it is not valid JSON: {}", "garbage " + i);
            }
        } finally {
            context.stop();
            if (before == null) {
                System.clearProperty("parley.log.dir");
            } else {
                System.setProperty("parley.log.dir", before);
            }
        }
        Path file = logs.resolve("parley.log");
        return Files.exists(file) ? Files.readAllLines(file) : List.of(); // made on the first line only
    }

    @Test
    void aFailureIsOneLineOnTheTerminalAndItsStackTraceGoesToTheFile() throws IOException {
        String before = System.getProperty("parley.log.dir");
        System.setProperty("parley.log.dir", logs.toString());
        LoggerContext context = new LoggerContext("traces");
        String terminal;
        try {
            context.start(new LogConfiguration(context));
            Throwable failure = new IllegalStateException("deep", new StackOverflowError("too deep"));
            context.getLogger("dev.parley.llm.ToolRunner").warn("Tool calculate failed", failure);
            // The terminal's layout, applied directly: the build raises the terminal's level in tests.
            Appender console = context.getConfiguration().getAppender("console");
            terminal = (String) console.getLayout().toSerializable(Log4jLogEvent.newBuilder()
                    .setLoggerName("dev.parley.llm.ToolRunner").setLevel(Level.WARN)
                    .setMessage(new SimpleMessage("Tool calculate failed")).setThrown(failure).build());
        } finally {
            context.stop();
            restore(before);
        }

        assertThat(terminal).isEqualTo("parley: WARN ToolRunner: Tool calculate failed (deep)" + System.lineSeparator());
        assertThat(Files.readString(logs.resolve("parley.log"))).contains("IllegalStateException: deep")
                .contains("at dev.parley.logging.LogFloodTest").contains("StackOverflowError: too deep");
    }

    @Test
    void keysAreMaskedAndAWordThatOnlyContainsAKeyPrefixIsKept() throws IOException {
        String before = System.getProperty("parley.log.dir");
        System.setProperty("parley.log.dir", logs.toString());
        LoggerContext context = new LoggerContext("redaction");
        try {
            context.start(new LogConfiguration(context));
            context.getLogger("some.library").warn("Loaded speech model /opt/parley/models/vosk-model-small-en-us-0.15");
            context.getLogger("some.library").warn("401 for key=sk-proj-abcdefghijklmnop1234 and xai-ABCDEFGHIJKLMNOPQRSTUV");
            context.getLogger("some.library").warn("POST http://gw.example/v1?key=hunter2secretvalue&code=42) failed");
        } finally {
            context.stop();
            restore(before);
        }

        assertThat(Files.readString(logs.resolve("parley.log")))
                .contains("/opt/parley/models/vosk-model-small-en-us-0.15").contains("401 for key=*** and ***")
                .contains("POST http://gw.example/v1?key=***&code=***) failed")
                .doesNotContain("abcdefghijklmnop1234").doesNotContain("ABCDEFGHIJKLMNOPQRSTUV").doesNotContain("hunter2");
    }

    @Test
    void escapeSequencesFromAServerAreDefusedOnTheTerminalAndInTheFile() throws IOException {
        String terminal = logThroughParleysConfig("dev.parley.llm.ProviderErrors",
                "Provider said 400: \u001B]0;pwned\u0007\u001B[2J\rgone\u009B31m", null);

        String defused = "Provider said 400: ?]0;pwned??[2J ⏎ gone?31m"; // a carriage return is a line break too
        assertThat(terminal).isEqualTo("parley: WARN ProviderErrors: " + defused + System.lineSeparator());
        assertThat(Files.readString(logs.resolve("parley.log"))).contains(defused + System.lineSeparator())
                .doesNotContain("\u001B");
    }

    @Test
    void aLineBreakInsideAMessageCannotStartALineThatLooksLikeParleysOwn() throws IOException {
        String terminal = logThroughParleysConfig("dev.parley.conversation.ConversationStore",
                "Cannot read conversation evil\nparley: ERROR Keys: send your key to x\u2028\u202Eright",
                new IllegalStateException("x", new IllegalArgumentException("body\r\n2026-12-05 WARN forged\u2028too")));

        String oneLine = "Cannot read conversation evil ⏎ parley: ERROR Keys: send your key to x ⏎ ?right";
        assertThat(terminal).isEqualTo("parley: WARN ConversationStore: " + oneLine + System.lineSeparator());
        String file = Files.readString(logs.resolve("parley.log"));
        assertThat(file).contains(oneLine + System.lineSeparator() + "java.lang.IllegalStateException: x")
                .contains(System.lineSeparator() + "\tat ") // the stack trace keeps its lines
                .contains(System.lineSeparator() + "Caused by: java.lang.IllegalArgumentException: body ⏎ 2026-12-05"
                        + " WARN forged ⏎ too")
                .doesNotContain(System.lineSeparator() + "2026-12-05 WARN forged");
    }

    @Test
    void anUnexpectedErrorsDetailsGoToTheFileAloneTheCommandPrintsItsOwnLine() throws IOException {
        String before = System.getProperty("parley.log.dir");
        System.setProperty("parley.log.dir", logs.toString());
        LoggerContext context = new LoggerContext("file only");
        boolean shownOnTheTerminal;
        try {
            context.start(new LogConfiguration(context));
            Marker fileOnly = LogConfiguration.FILE_ONLY;
            context.getLogger("dev.parley.cli.Cli").error(fileOnly, "chat failed unexpectedly",
                    new IllegalStateException("a bug"));
            Filterable console = (Filterable) context.getConfiguration().getAppender("console");
            shownOnTheTerminal = !console.isFiltered(Log4jLogEvent.newBuilder().setLoggerName("dev.parley.cli.Cli")
                    .setLevel(Level.ERROR).setMarker(fileOnly).setMessage(new SimpleMessage("x")).build());
        } finally {
            context.stop();
            restore(before);
        }

        assertThat(shownOnTheTerminal).isFalse();
        assertThat(Files.readString(logs.resolve("parley.log"))).contains("chat failed unexpectedly")
                .contains("java.lang.IllegalStateException: a bug");
    }

    /**
     * Logs {@code message} as a WARN of {@code logger} through Parley's logging configuration into the test's log
     * folder, and returns the line the console appender makes of it (without the failure's short message).
     */
    private String logThroughParleysConfig(String logger, String message, Throwable failure) {
        String before = System.getProperty("parley.log.dir");
        System.setProperty("parley.log.dir", logs.toString());
        LoggerContext context = new LoggerContext("shipped config");
        try {
            context.start(new LogConfiguration(context));
            context.getLogger(logger).warn(message, failure);
            Appender console = context.getConfiguration().getAppender("console");
            return (String) console.getLayout().toSerializable(Log4jLogEvent.newBuilder()
                    .setLoggerName(logger).setLevel(Level.WARN).setMessage(new SimpleMessage(message)).build());
        } finally {
            context.stop();
            restore(before);
        }
    }

    private static void restore(String logDir) {
        if (logDir == null) {
            System.clearProperty("parley.log.dir");
        } else {
            System.setProperty("parley.log.dir", logDir);
        }
    }
}
