package dev.parley.cli;

import dev.parley.Components;
import dev.parley.llm.LanguageModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import dev.parley.pipeline.TurnRunner;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Ask the model one question; the answer streams to stdout as it arrives.",
                "Reasoning is never printed to stdout; --show-thinking sends it to stderr."})
final class AskCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The question.")
    List<String> words;

    @Option(names = "--show-thinking", description = "Print the model's reasoning to stderr.")
    boolean showThinking;

    @Mixin
    LlmOptions llm;

    @ParentCommand
    ParleyCommand parley;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Components components = parley.components()) {
            PrintWriter err = spec.commandLine().getErr();
            components.useToolCallbacks(label -> TimerNotice.print(err, label), new TerminalToolConfirmer(err,
                    new BufferedReader(new InputStreamReader(parley.stdin(), StandardCharsets.UTF_8)),
                    System.console() != null));
            LanguageModel model = components.languageModel(llm.choice());
            try (TurnRunner runner = components.turnRunner(model)) {
                TextTurn.ask(runner, components.newConversation(), String.join(" ", words),
                        new StreamingPrinter(spec.commandLine(), showThinking));
            }
        }
        return 0;
    }
}
