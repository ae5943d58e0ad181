package dev.parley.cli;

import dev.parley.Components;
import dev.parley.llm.LanguageModel;
import java.io.PrintWriter;
import dev.parley.pipeline.TurnRunner;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Ask the model one question; the answer streams to stdout as it arrives.",
                "Reasoning is never printed to stdout; --show-thinking sends it to stderr."})
final class AskCommand extends ModelSubcommand {

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The question.")
    List<String> words;

    @Option(names = "--show-thinking", description = "Print the model's reasoning to stderr.")
    boolean showThinking;

    @Override
    public Integer call() {
        try (Components components = parley.components()) {
            PrintWriter err = err();
            components.useToolCallbacks(label -> TimerNotice.print(err, label), new TerminalToolConfirmer(err,
                    stdinLines(),
                    System.console() != null));
            McpCommandNotice.sayNewCommands(components.config().llm(), components.paths().dataDir(), err);
            LanguageModel model = components.languageModel(llm.choice());
            try (TurnRunner runner = components.turnRunner(model)) {
                TextTurn.ask(runner, components.newConversation(), String.join(" ", words),
                        new StreamingPrinter(spec.commandLine(), showThinking));
            }
        }
        return 0;
    }
}
