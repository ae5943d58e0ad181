package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command and option the command line takes is written down where a user looks: the README's
 * list of commands, or the API and performance documents for the commands they describe.
 */
class CommandsDocTest {

    /** Options every command has, described once in the README rather than at each command. */
    private static final Set<String> SHARED = Set.of("--help", "--version", "--config", "--log-level");

    @Test
    void everyCommandIsInTheReadmesListOfCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        List<String> unlisted = commands().stream().map(command -> command.getCommandSpec().qualifiedName())
                .filter(name -> !readme.contains(name)).toList();

        assertThat(unlisted).as("commands README.md does not name").isEmpty();
    }

    @Test
    void everyOptionOfEveryCommandIsDocumented() throws IOException {
        String docs = Files.readString(Path.of("README.md")) + Files.readString(Path.of("docs/api.md"))
                + Files.readString(Path.of("docs/performance.md"));
        List<String> undocumented = new ArrayList<>();
        for (CommandLine command : commands()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                String name = option.longestName();
                if (!SHARED.contains(name) && !docs.contains(name)) {
                    undocumented.add(command.getCommandSpec().qualifiedName() + " " + name);
                }
            }
        }

        assertThat(undocumented).as("options no document names").isEmpty();
    }

    private static List<CommandLine> commands() {
        CommandLine root = new CommandLine(new ParleyCommand(InputStream.nullInputStream(),
                new PrintStream(PrintStream.nullOutputStream()), () -> false));
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        all.remove(root);
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
    }
}
