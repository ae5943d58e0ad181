package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.logging.LogLevels;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.CliRun;
import dev.parley.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --log-level}: debug adds the request line to the real log file; an unknown level is refused. */
class LogLevelOptionTest {

    private static final Path LOG = Path.of(System.getProperty("parley.log.dir", "target/test-logs"))
            .resolve("parley.log");

    @TempDir
    Path folder;

    @AfterEach
    void backToInfo() {
        LogLevels.apply("info");
    }

    private String logDuring(String... args) throws Exception {
        long before = Files.exists(LOG) ? Files.size(LOG) : 0;
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] all = Files.readAllBytes(LOG);
        return new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
    }

    @Test
    void debugWritesTheRequestLineAndInfoDoesNot() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Paris."), Reply.of("Paris."))) {
            String config = TestConfigs.withProvider(folder, "ollama", server.baseUrl()).toString();

            String atDebug = logDuring("ask", "--log-level", "debug", "--config", config, "Capital?");
            String atInfo = logDuring("ask", "--config", config, "Capital?");

            assertThat(atDebug).contains("POST " + server.baseUrl()).contains("0 images [] bytes");
            assertThat(atInfo).doesNotContain("POST " + server.baseUrl());
        }
    }

    @Test
    void aKeyInTheBaseUrlsQueryShowsNowhereNotEvenAtDebug() throws Exception {
        String config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9").toString();
        long before = Files.exists(LOG) ? Files.size(LOG) : 0;

        CliRun run = CliRun.of("ask", "--log-level", "debug", "--config", config, "--base-url",
                "http://127.0.0.1:1/v1?key=hunter2secretvalue", "Hi");

        byte[] all = Files.readAllBytes(LOG);
        String logged = new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("http://127.0.0.1:1/v1?key=***").doesNotContain("hunter2");
        assertThat(logged).contains("POST http://127.0.0.1:1/v1?key=***").doesNotContain("hunter2");
    }

    @Test
    void anUnknownLevelIsRefusedWithTheChoices() {
        CliRun run = CliRun.of("ask", "--log-level", "verbose", "Hi");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--log-level is 'verbose' but must be one of debug, info, warn, error");
    }
}
