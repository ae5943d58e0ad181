package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.logging.LogLevels;
import dev.parley.bench.ScriptedLlmServer.Reply;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider that echoes the API key into its error body: the key shows nowhere Parley writes —
 * not in the API's answer, not on the event stream, not in the log (issue 15: found by probing).
 */
class SecretsStayHiddenTest {

    @TempDir
    Path folder;

    @Test
    void aKeyEchoedByTheProviderIsMaskedInAnswersEventsAndTheLog() throws Exception {
        logAndCheck();
    }

    @Test
    void atDebugTheLogStillShowsNoKeyNorAuthorizationHeader() throws Exception {
        LogLevels.apply("debug");
        try {
            String log = logAndCheck();
            assertThat(log).contains("Request to 'local'").doesNotContainPattern("(?i)authorization: *Bearer +sk-");
        } finally {
            LogLevels.apply("info");
        }
    }

    /** The log file's text after the probing, checked for the key. */
    private String logAndCheck() throws Exception {
        String echo = "Incorrect API key provided: " + ApiHarness.SECRET_KEY + " (Authorization: Bearer "
                + ApiHarness.SECRET_KEY + ")";
        try (ApiHarness api = new ApiHarness(folder, Reply.error(400, echo))) {
            List<String> events = new CopyOnWriteArrayList<>();
            api.assistant.subscribe(event -> events.add(String.valueOf(event)));

            HttpResponse<String> asked = api.ask("Hi");
            HttpResponse<String> tested = api.send("POST", "/providers/local/test", "");
            LogManager.getLogger(SecretsStayHiddenTest.class).warn("A library might log this: {}", echo);

            assertThat(asked.statusCode()).isEqualTo(502);
            assertThat(asked.body()).contains("rejected").contains("***").doesNotContain(ApiHarness.SECRET_KEY);
            assertThat(tested.body()).doesNotContain(ApiHarness.SECRET_KEY);
            assertThat(events).isNotEmpty().noneMatch(event -> event.contains(ApiHarness.SECRET_KEY));
        }
        Path log = Path.of(System.getProperty("parley.log.dir", "target/test-logs")).resolve("parley.log");
        String written = Files.readString(log);
        assertThat(written).contains("A library might log this").doesNotContain(ApiHarness.SECRET_KEY);
        return written;
    }
}
