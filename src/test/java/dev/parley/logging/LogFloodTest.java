package dev.parley.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parley's shipped log4j2.xml, loaded into a context of its own, against a flood of library warnings. */
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
    void parleysOwnWarningsAreNotRateLimited() throws IOException {
        assertThat(logged("dev.parley.llm.McpServers", 500)).hasSize(500);
    }

    private List<String> logged(String loggerName, int warnings) throws IOException {
        String before = System.getProperty("parley.log.dir");
        System.setProperty("parley.log.dir", logs.toString()); // read when the configuration is built
        LoggerContext context = new LoggerContext("flood");
        try {
            context.setConfigLocation(Path.of("src/main/resources/log4j2.xml").toUri());
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
        return Files.readAllLines(logs.resolve("parley.log"));
    }
}
