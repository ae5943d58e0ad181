package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.CliRun;
import dev.parley.testing.TestConfigs;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley test}: what it asks, of whom, and for how long. */
class TestCommandTest {

    @TempDir
    Path folder;

    @Test
    @Tag("slow") // waits out the test's limit
    @Timeout(value = 50, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void testOfAProviderThatNeverAnswersGivesUpAtItsLimitAndSaysWhatToCheck() throws Exception {
        try (var silent = new ScriptedLlmServer(Protocol.OPENAI, Reply.hang(120_000))) {
            Path config = TestConfigs.write(folder, """
                    llm:
                      active: silent
                      providers:
                        silent: {type: openai-compatible, base-url: "%s", model: scripted, timeout-seconds: 60}
                    """.formatted(silent.baseUrl()));

            CliRun run = CliRun.of("test", "--config", config.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("parley: Provider 'silent' gave no answer within 20 s, so the test"
                    + " stopped waiting. A local server may still be loading the model: test again in a moment."
                    + " Otherwise check that it runs and that llm.providers.silent.base-url is its address.\n");
        }
    }
}
