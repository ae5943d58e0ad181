package dev.parley.cli;

import dev.parley.Components;
import dev.parley.ParleyException;
import dev.parley.conversation.Conversation;
import dev.parley.llm.LanguageModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"A conversation in the terminal: each line you type is a turn; context carries across turns.",
                "Commands: /reset forgets the conversation, /quit (or end of input) leaves.",
                "Exits with 1 if any turn failed."})
final class ChatCommand implements Callable<Integer> {

    @Option(names = "--show-thinking", description = "Print the model's reasoning to stderr.")
    boolean showThinking;

    @Mixin
    LlmOptions llm;

    @ParentCommand
    ParleyCommand parley;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Components components = parley.components()) {
            LanguageModel model = components.languageModel(llm.choice());
            Conversation conversation = components.newConversation();
            StreamingPrinter printer = new StreamingPrinter(spec.commandLine(), showThinking);
            boolean interactive = System.console() != null;
            if (interactive) {
                out.println("Talking to " + model.describe() + ". /quit to leave.");
            }
            int failedTurns = 0;
            BufferedReader lines = new BufferedReader(new InputStreamReader(parley.stdin(), StandardCharsets.UTF_8));
            while (true) {
                if (interactive) {
                    out.print("> ");
                    out.flush();
                }
                String line = lines.readLine();
                if (line == null || line.strip().equals("/quit")) {
                    return failedTurns == 0 ? 0 : 1;
                }
                if (line.strip().equals("/reset")) {
                    conversation.clear();
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                conversation.addUser(line.strip());
                // A failed turn is reported and the conversation goes on: nothing typed so far is lost.
                try {
                    printer.answer(model, conversation);
                } catch (ParleyException e) {
                    failedTurns++;
                    err.println("parley: " + e.getMessage());
                    err.flush();
                }
            }
        }
    }
}
