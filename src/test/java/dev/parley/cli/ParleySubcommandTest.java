package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Components.LlmChoice;
import dev.parley.config.ParleyPaths;
import dev.parley.testing.CliRun;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The parent and spec fields picocli fills in the shared base classes reach every subcommand. */
class ParleySubcommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stats", "test", "bench", "providers", "listen", "transcribe x.wav", "say hello",
            "conversations list", "conversations delete old", "conversations rename old new"})
    void configGivenAfterTheSubcommandIsTheOneLoaded(String command) {
        Path missing = dir.resolve("missing.yaml");
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--config", missing.toString()));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(missing + " does not exist");
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"stats", "test", "bench", "providers", "listen", "transcribe", "say", "detect",
            "conversations"})
    void helpNamesTheCommandAndTheInheritedConfigOption(String command) {
        CliRun run = CliRun.of(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: parley " + command).contains("--config=FILE");
    }

    @Test
    void conversationsWithoutASubcommandListsThem() {
        CliRun run = CliRun.of("conversations");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("list").contains("export").contains("delete").contains("rename");
    }

    @Test
    void conversationsHelpNamesTheFolderTheyAreInHere() {
        CliRun run = CliRun.of("conversations", "--help");

        assertThat(run.out()).contains("They live in " + ParleyPaths.fromEnvironment().conversationsDir())
                .doesNotContain("~/.local/share");
    }

    @Test
    void eventsHelpSaysTheWindowServesThemToo() {
        CliRun run = CliRun.of("events", "--help");

        assertThat(run.out().replaceAll("\\s+", " ")).contains("or the window with its Control API on");
    }

    @Command(name = "probe", mixinStandardHelpOptions = true)
    static final class Probe extends ModelSubcommand {

        @Override
        public Integer call() {
            out().print(parley.configFile + " " + llm.choice());
            return 0;
        }
    }

    @Test
    void aModelSubcommandTakesTheProviderOptionsAndTheConfig() {
        StringWriter out = new StringWriter();
        CommandLine line = new CommandLine(new ParleyCommand(new ByteArrayInputStream(new byte[0]), System.out, () -> false))
                .addSubcommand(new Probe());
        line.setOut(new PrintWriter(out, true));

        int code = line.execute("probe", "--provider", "cloud", "--model", "m1", "--config", "c.yaml");

        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("c.yaml " + new LlmChoice("cloud", "m1", null));
    }
}
