package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.CliRun;
import dev.parley.testing.TestConfigs;
import dev.parley.testing.TestProperties;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsageRecord;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ask} and the typed chat print one line when spending reaches 80 % of a budget. */
class BudgetNoticeCommandsTest {

    private static final String WARNING = "parley: Spending is at 85 % of the daily budget: 0.85 of 1.00 USD today"
            + " (usage.budget.daily).";

    @TempDir
    Path folder;

    private Runnable restoreDataDir;

    @BeforeEach
    void isolateLedger() {
        restoreDataDir = TestProperties.set("parley.data.dir", folder.resolve("data"));
        new UsageLedger(folder.resolve("data").resolve("usage.jsonl")).append(new UsageRecord(Instant.now(), "local",
                "gpt-4o-mini", null, 10, 10, 5, 50, 0.85));
    }

    @AfterEach
    void restore() {
        restoreDataDir.run();
    }

    private Path config(ScriptedLlmServer server) throws Exception {
        return TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local: {type: openai-compatible, base-url: "%s", model: gpt-4o-mini}
                usage:
                  budget: {daily: 1.00}
                """.formatted(server.baseUrl()));
    }

    @Test
    void askAnswersAndSaysTheBudgetIsNearlySpent() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("One."))) {
            CliRun run = CliRun.of("ask", "--config", config(server).toString(), "first");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("One.");
            assertThat(run.err()).contains(WARNING);
        }
    }

    @Test
    void theTypedChatSaysItOnceOverManyTurns() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("One."), Reply.of("Two."),
                Reply.of("Three."))) {
            CliRun run = CliRun.withInput("first\nsecond\nthird\n", "chat", "--config", config(server).toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("One.").contains("Two.").contains("Three.");
            assertThat(run.err().split(java.util.regex.Pattern.quote(WARNING), -1)).as(run.err()).hasSize(2);
        }
    }
}
