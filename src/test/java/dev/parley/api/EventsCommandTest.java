package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.ParleyPaths;
import dev.parley.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley events} prints a running Parley's events, one JSON object a line. */
class EventsCommandTest {

    @TempDir
    Path folder;

    @Test
    void printsTheEventsOfATurnAsJsonLines() throws Exception {
        Path tokenFile = ParleyPaths.fromEnvironment().dataDir().resolve("api-token");
        try (ApiHarness api = new ApiHarness(folder, tokenFile, Reply.of("Hello ", "there."))) {
            assertThat(api.ask("Hi").statusCode()).isEqualTo(200); // buffered, so --since 0 sees it

            CliRun run = CliRun.of("--config", folder.resolve("config.yaml").toString(), "events",
                    "--port", String.valueOf(api.server.port()), "--since", "0", "--max", "8");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(ApiHarness.types(run.out().lines().toList())).containsExactly("state", "turn.started",
                    "llm.text", "llm.text", "llm.text.done", "llm.done", "turn.done", "state");
        }
    }

    @Test
    void saysWhatToDoWhenNothingListens() throws Exception {
        Path tokenFile = ParleyPaths.fromEnvironment().dataDir().resolve("api-token");
        try (ApiHarness api = new ApiHarness(folder, tokenFile, Reply.of("Hi."))) {
            int port = api.server.port();
            api.server.close();

            CliRun run = CliRun.of("--config", folder.resolve("config.yaml").toString(), "events", "--port",
                    String.valueOf(port));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("parley serve");
        }
    }
}
