package dev.parley.cli;

import dev.parley.ParleyException;
import dev.parley.Components;
import dev.parley.image.ImagePreparer;
import dev.parley.image.ScreenCapture;
import dev.parley.image.TurnImage;
import dev.parley.llm.LanguageModel;
import java.io.PrintWriter;
import dev.parley.pipeline.TurnRunner;
import dev.parley.tools.TimerAnnouncer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Ask the model one question; the answer streams to stdout as it arrives.",
                "Reasoning is never printed to stdout; --show-thinking sends it to stderr.",
                "--image and --screen show the model pictures (PNG, JPEG, WebP, GIF; large ones are scaled"
                        + " down, the files are never changed); the provider's model must be able to see."})
final class AskCommand extends ModelSubcommand {

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The question.")
    List<String> words;

    @Option(names = "--show-thinking", description = "Print the model's reasoning to stderr.")
    boolean showThinking;

    @Option(names = "--image", paramLabel = "FILE", description = "A picture to show the model (repeatable).")
    List<Path> images = new ArrayList<>();

    @Option(names = "--screen", description = "Show the model a screenshot of the whole screen.")
    boolean screen;

    @Override
    public Integer call() {
        if (String.join(" ", words).isBlank()) {
            // As the API refuses a blank text: an empty question costs a request and says nothing.
            throw new ParameterException(spec.commandLine(), "The question is empty: parley ask \"What is the"
                    + " time in Tokyo?\"");
        }
        try (Components components = parley.components()) {
            PrintWriter err = err();
            // Pictures first: a wrong file is reported before any model is set up or asked.
            List<TurnImage> shown = pictures(components.imagePreparer());
            // No timers: the command ends with its answer, and no timer of it could ever ring.
            components.useToolCallbacks(TimerAnnouncer.NOBODY, new TerminalToolConfirmer(err, stdinLines()::readLine,
                    System.console() != null));
            McpCommandNotice.sayNewCommands(components.config().llm(), components.paths().dataDir(), err);
            LanguageModel model = components.languageModel(llm.choice());
            try (TurnRunner runner = components.turnRunner(model);
                    var budget = BudgetNotice.printing(err, components.budgetNews())) {
                StreamingPrinter printer = new StreamingPrinter(spec.commandLine(), showThinking, Thread.currentThread());
                try {
                    TextTurn.ask(runner, components.newConversation(), String.join(" ", words), shown, printer);
                } catch (ParleyException e) {
                    if (!printer.outputLost()) {
                        throw e;
                    }
                    Thread.interrupted(); // the printer's stop, not the user's: Cli reports the lost output
                    return 1;
                }
            }
        }
        return 0;
    }

    private List<TurnImage> pictures(ImagePreparer preparer) {
        List<TurnImage> shown = new ArrayList<>();
        for (Path file : images) {
            shown.add(preparer.read(file));
        }
        if (screen) {
            shown.add(preparer.prepare(ScreenCapture.wholeScreen(), "the screenshot"));
        }
        return shown;
    }
}
