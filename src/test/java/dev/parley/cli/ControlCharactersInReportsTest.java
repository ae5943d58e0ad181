package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.CliRun;
import dev.parley.testing.TemporaryDataDir;
import dev.parley.testing.TestConfigs;
import dev.parley.testing.FakeHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model name with escape sequences (YAML's "\e" and "\a" escapes pass the config's check) and a
 * provider name from a damaged ledger reach the terminal defused: before, {@code providers} and
 * {@code stats} printed ESC and BEL raw, so the text could clear the terminal or retitle it.
 */
class ControlCharactersInReportsTest {

    private static final String HOSTILE = "m\u001b[2J\u001b]0;t\u0007";

    @TempDir
    Path folder;

    @RegisterExtension
    final TemporaryDataDir data = new TemporaryDataDir();

    @Test
    void providersShowsAModelNamesControlCharactersAsSymbols() throws Exception {
        Path config = TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local: {type: ollama, base-url: "%s", model: "m\\e[2J\\e]0;t\\a"}
                """.formatted(FakeHttpServer.closedPortUrl()));

        CliRun run = CliRun.of("providers", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out() + run.err()).doesNotContain("\u001b", "\u0007").contains("m␛[2J␛]0;t␇");
    }

    @Test
    void statsShowsALedgerProviderNamesControlCharactersAsSymbols() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", FakeHttpServer.closedPortUrl());
        Files.createDirectories(data.usageLedger().getParent());
        Files.writeString(data.usageLedger(), """
                {"at":"%s","provider":"%s","model":"%s","input_tokens":1,"output_tokens":1}
                """.formatted(java.time.Instant.now().minusSeconds(60), "p\\u001b]0;t\\u0007", "m\\u001b[2J"));

        CliRun run = CliRun.of("stats", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out() + run.err()).doesNotContain("\u001b", "\u0007").contains("p␛]0;t␇", "m␛[2J");
    }
}
