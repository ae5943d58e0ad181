package dev.parley.cli;

import dev.parley.Components;
import dev.parley.ParleyException;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStore;
import dev.parley.llm.SwitchableLanguageModel;
import dev.parley.pipeline.TextTurns;
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
                "With --conversation NAME the conversation is saved after every turn and continued next time.",
                "Long conversations stay within conversation.max-context-tokens: the oldest turns are summarized.",
                "Commands: /provider NAME answers with another configured provider from the next turn on (the"
                        + " conversation is kept; refused if the provider fails its health check), /reset forgets"
                        + " the conversation, /quit (or end of input) leaves.",
                "Exits with 1 if any turn failed."})
final class ChatCommand implements Callable<Integer> {

    @Option(names = "--show-thinking", description = "Print the model's reasoning to stderr.")
    boolean showThinking;

    @Option(names = "--conversation", paramLabel = "NAME",
            description = "Continue the saved conversation NAME, or start it; saved after every turn."
                    + " Names: letters, digits, spaces, '-' and '_'. Without it the chat is not saved.")
    String conversationName;

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
            boolean interactive = System.console() != null;
            BufferedReader lines = new BufferedReader(new InputStreamReader(parley.stdin(), StandardCharsets.UTF_8));
            components.useToolCallbacks(label -> TimerNotice.print(err, label),
                    new TerminalToolConfirmer(err, lines, interactive));
            SwitchableLanguageModel model = new SwitchableLanguageModel(components.languageModel(llm.choice()));
            ConversationStore store = conversationName == null ? null : components.conversationStore();
            // exists() rejects an invalid name now, before the first answer; a corrupt file fails load()
            // and is never overwritten.
            Conversation conversation = store != null && store.exists(conversationName)
                    ? store.load(conversationName)
                    : components.newConversation();
            TextTurns turns = new TextTurns(model, conversation, components.contextWindow(model),
                    new StreamingPrinter(spec.commandLine(), showThinking));
            if (interactive) {
                out.println("Talking to " + model.describe() + ". /quit to leave.");
                if (store != null) {
                    out.println((conversation.turnCount() == 0 ? "Starting '" : "Continuing '") + conversationName
                            + "' (" + conversation.turnCount() + " turns), saved in " + store.fileFor(conversationName));
                }
            }
            int failedTurns = 0;
            while (true) {
                if (interactive) {
                    out.print("> ");
                    out.flush();
                }
                String line = lines.readLine();
                if (line == null || line.strip().equals("/quit")) {
                    return failedTurns == 0 ? 0 : 1;
                }
                if (line.strip().startsWith("/provider ")) {
                    String name = line.strip().substring("/provider ".length()).strip();
                    try {
                        components.switchProvider(model, name);
                        err.println("parley: now talking to " + model.describe() + ".");
                    } catch (ParleyException e) {
                        err.println("parley: " + e.getMessage());
                    }
                    err.flush();
                    continue;
                }
                if (line.strip().equals("/reset")) {
                    conversation.clear();
                    failedTurns += save(store, conversation, err);
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                // A failed turn is reported and the conversation goes on: nothing typed so far is lost.
                try {
                    turns.ask(line.strip());
                    failedTurns += save(store, conversation, err);
                } catch (ParleyException e) {
                    failedTurns++;
                    err.println("parley: " + e.getMessage());
                    err.flush();
                }
            }
        }
    }

    /** Saves after each turn so a crash or a closed terminal loses at most the turn in progress; 1 if it failed. */
    private int save(ConversationStore store, Conversation conversation, PrintWriter err) {
        if (store == null) {
            return 0;
        }
        try {
            store.save(conversationName, conversation);
            return 0;
        } catch (ParleyException e) {
            err.println("parley: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
