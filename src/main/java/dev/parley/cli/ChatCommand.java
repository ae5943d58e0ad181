package dev.parley.cli;

import dev.parley.BackgroundHealth;
import dev.parley.Components;
import dev.parley.FirstTurnWarmUp;
import dev.parley.ParleyException;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationLock;
import dev.parley.conversation.ConversationStore;
import dev.parley.conversation.ConversationStoreException;
import dev.parley.llm.SwitchableLanguageModel;
import dev.parley.pipeline.TurnRunner;
import dev.parley.voice.TurnController;
import dev.parley.voice.VoiceEvent;
import dev.parley.voice.VoiceState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"A conversation in the terminal: each line you type is a turn; context carries across turns.",
                "With --conversation NAME the conversation is saved after every turn and continued next time.",
                "Long conversations stay within conversation.max-context-tokens: the oldest turns are summarized.",
                "With --voice you talk: Enter starts listening (the microphone: audio.input-device), Enter again"
                        + " ends the utterance and Parley answers aloud; Enter while it speaks cuts it off and listens."
                        + " Typed lines are still answered (aloud).",
                "On a terminal, text pasted with line breaks is one message, sent by the next Enter, and a line"
                        + " ending in a backslash goes on on the next line; from a pipe or a file each line is a turn.",
                "Commands: /provider says which provider answers; /provider NAME answers with another configured"
                        + " provider from the next turn on (the conversation is kept; refused if the provider fails"
                        + " its health check); /reset starts the conversation over (with --conversation NAME its"
                        + " earlier turns are kept as the conversation NAME-before-reset-DATE-TIME); /quit (or end of"
                        + " input) leaves. Any other line is asked, one that begins with / too (\"/etc/hosts is"
                        + " what?\"), unless it is a slash and a word; start it with // to ask that (\"//quit\" asks"
                        + " \"/quit\").",
                "Exits with 1 if any turn failed."})
final class ChatCommand extends ModelSubcommand {

    private static final String COMMANDS = "commands: /provider (which provider answers), /provider NAME (switch"
            + " providers), /reset (start over; a saved conversation's turns are kept as NAME-before-reset-DATE-TIME),"
            + " /help, /quit; to ask something that begins with a slash and a word, start the line with //."
            + " Text pasted with line breaks is one message, sent by Enter; a line ending in \\ goes on on the next";

    @Option(names = "--show-thinking", description = "Print the model's reasoning to stderr.")
    boolean showThinking;

    @Option(names = "--voice", description = "Talk instead of type: push-to-talk with Enter, answers spoken.")
    boolean voice;

    @Option(names = "--hands-free", negatable = true, description = "With --voice: listen by itself, a pause ending"
            + " each question, instead of Enter (default: audio.hands-free of config.yaml).")
    Boolean handsFree;

    @Option(names = "--timings", description = "With --voice: print each turn's latency waterfall to stderr.")
    boolean timings;

    @Option(names = "--conversation", paramLabel = "NAME",
            description = "Continue the saved conversation NAME, or start it; saved after every turn."
                    + " Names: letters, digits, spaces and - _ , ' ( ) & ! +. Without it the chat is not saved.")
    String conversationName;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = err();
        if (handsFree != null && !voice) {
            throw new ParameterException(spec.commandLine(),
                    "--hands-free works with --voice only: parley chat --voice --hands-free");
        }
        try (Components components = parley.componentsOrLastGood(err)) {
            boolean interactive = System.console() != null;
            BufferedReader lines = stdinLines();
            // Typed on a terminal, a paste of several lines is one message; from a pipe, each line is one.
            TypedMessages messages = voice ? null : interactive ? TypedMessages.fromTerminal(lines, this::promptForMore)
                    : TypedMessages.lineByLine(lines);
            components.useToolCallbacks(timer -> TimerNotice.print(err, timer),
                    new TerminalToolConfirmer(err, voice ? lines::readLine : messages::readLine, interactive));
            McpCommandNotice.sayNewCommands(components.config().llm(), components.paths().dataDir(), err);
            SwitchableLanguageModel model = new SwitchableLanguageModel(components.languageModel(llm.choice()));
            ConversationStore store = conversationName == null ? null : components.conversationStore();
            // Taken first: another Parley continuing the same conversation would save over its turns.
            // It also rejects an invalid name now, before the first answer; a corrupt file fails
            // load() and is never overwritten.
            try (ConversationLock lock = store == null ? null : lock(store)) {
                Conversation conversation = store != null && store.exists(conversationName)
                        ? store.load(conversationName)
                        : components.newConversation();
                if (voice) {
                    return talk(components, model, conversation, store, lines, interactive);
                }
                AtomicBoolean answering = new AtomicBoolean();
                try (TurnRunner runner = components.turnRunner(model);
                        var budget = BudgetNotice.printing(err, components.budgetNews());
                        BackgroundHealth health = BackgroundHealth.start(components, components.config().llm(),
                                answering::get);
                        ChatExit exit = ChatExit.stoppingTypedTurns()) {
                    return typed(runner, components, model, conversation, store, messages, interactive, answering,
                            exit);
                }
            }
        }
    }

    /**
     * The saved conversation, held for this chat. A folder it cannot be saved in is refused with the
     * ways out a chat has besides fixing the folder: another data folder, or no saving.
     */
    private ConversationLock lock(ConversationStore store) {
        try {
            return ConversationLock.take(store, conversationName);
        } catch (ConversationStoreException e) {
            if (!(e.getCause() instanceof IOException)) {
                throw e; // a name it refuses, or a conversation open elsewhere: its message says what to do
            }
            throw new ParleyException(e.getMessage() + " Or set XDG_DATA_HOME to a folder you can write, or leave out"
                    + " --conversation to chat without saving.", e);
        }
    }

    /** The typed chat; 1 if a turn failed or its conversation could not be saved. */
    private int typed(TurnRunner runner, Components components, SwitchableLanguageModel model,
            Conversation conversation, ConversationStore store, TypedMessages messages, boolean interactive,
            AtomicBoolean answering, ChatExit exit) throws IOException {
        PrintWriter out = out();
        PrintWriter err = err();
        StreamingPrinter printer = new StreamingPrinter(spec.commandLine(), showThinking, Thread.currentThread());
        if (interactive) {
            out.println("Talking to " + model.describe() + ". /help lists the commands, /quit leaves.");
            if (store != null) {
                out.println((conversation.turnCount() == 0 ? "Starting '" : "Continuing '") + conversationName
                        + "' (" + conversation.turnCount() + " turns), saved in " + store.fileFor(conversationName));
            }
        }
        components.resumeTimers(); // timers that went off while Parley was closed are told now
        int failedTurns = 0;
        while (true) {
            if (interactive) {
                out.print("> ");
                out.flush();
            }
            String line;
            try {
                line = messages.readMessage();
            } catch (TypedMessages.TooLong e) {
                err.println("parley: " + e.getMessage());
                err.flush();
                continue;
            }
            if (line == null) {
                return failedTurns == 0 ? 0 : 1;
            }
            if (ChatLine.isCommand(line.strip())) {
                if (!slashCommand(line.strip(), components, model, conversation, store)) {
                    return failedTurns == 0 ? 0 : 1;
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (!exit.turnStarts()) {
                return 1; // Ctrl+C or SIGTERM: the process is ending
            }
            // A failed turn is reported and the conversation goes on: nothing typed so far is lost.
            answering.set(true); // no health check shares the network with the answer
            try {
                TextTurn.ask(runner, conversation, ChatLine.question(line.strip()), printer);
                failedTurns += save(store, conversation, err);
                if (out.checkError()) {
                    return 1; // nobody reads the answers; Cli says why
                }
            } catch (ParleyException e) {
                if (exit.exiting() || printer.outputLost()) {
                    Thread.interrupted(); // the exit's or the printer's stop, not the user's
                    save(store, conversation, err); // what was shown of the answer stays, marked interrupted
                    return 1; // the process is ending, or nobody reads the answers (Cli says why)
                }
                failedTurns++;
                err.println("parley: " + TerminalText.oneLine(e.getMessage()));
                err.flush();
            } finally {
                answering.set(false);
                exit.turnEnded();
            }
        }
    }

    /** After a line ending in a backslash: the message goes on on the next line. */
    private void promptForMore() {
        out().print("... ");
        out().flush();
    }

    /** The voice chat; 1 if a turn failed or its conversation could not be saved. */
    private int talk(Components components, SwitchableLanguageModel model, Conversation conversation,
            ConversationStore store, BufferedReader lines, boolean interactive) throws IOException {
        PrintWriter err = err();
        int[] failedTurns = {0};
        boolean listensAlone = handsFree != null ? handsFree : components.config().audio().handsFree();
        try (TurnController assistant = components.voiceAssistant(model, conversation);
                BackgroundHealth health = BackgroundHealth.start(components, components.config().llm(),
                        () -> !assistant.state().atRest());
                ChatExit exit = ChatExit.running(() -> stopAndSave(assistant, store, err))) {
            // Subscribed before the voice starts: hands-free listens at once, and its first events
            // must not be published before anyone prints or saves.
            assistant.subscribe(new VoicePrinter(spec.commandLine(), showThinking, interactive, timings,
                    listensAlone));
            assistant.subscribe(event -> {
                if (event instanceof VoiceEvent.StateChanged change && change.from() != VoiceState.IDLE
                        && (change.to() == VoiceState.IDLE || change.to() == VoiceState.ERROR)) {
                    failedTurns[0] += change.to() == VoiceState.ERROR ? 1 : 0;
                    failedTurns[0] += save(store, assistant.conversation(), err);
                }
            });
            assistant.setHandsFree(listensAlone);
            components.useVoice(assistant);
            FirstTurnWarmUp.startVoice(components); // the first answer spoken as quick as later ones
            components.resumeTimers(); // after the voice, so a timer missed while closed is said aloud too
            if (interactive) {
                out().println("Talking to " + model.describe() + " by voice. " + (listensAlone
                        ? "Just speak; a pause ends your question. Enter stops an answer;"
                        : "Press Enter to talk and Enter again when done;") + " or type. /help lists the commands, /quit leaves.");
            }
            new VoiceChat(assistant, line -> slashCommand(line, components, model, assistant.conversation(), store))
                    .run(lines);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return failedTurns[0] == 0 ? 0 : 1;
    }

    /** At Ctrl+C or SIGTERM: the answer in progress stops, and the conversation is saved with what was heard. */
    private void stopAndSave(TurnController assistant, ConversationStore store, PrintWriter err) {
        if (assistant.conversation().turnCount() == 0 && assistant.state().atRest()) {
            return; // nothing said yet: no empty conversation is saved
        }
        assistant.stop();
        long deadline = System.currentTimeMillis() + 3000;
        try {
            while (!assistant.state().atRest() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        save(store, assistant.conversation(), err);
    }

    /** Runs a "/..." command of the chat; false for /quit. */
    private boolean slashCommand(String line, Components components, SwitchableLanguageModel model,
            Conversation conversation, ConversationStore store) {
        PrintWriter err = err();
        if (line.equals("/quit")) {
            return false;
        }
        if (line.equals("/provider")) {
            err.println("parley: talking to " + model.describe() + "; /provider NAME switches to another of "
                    + TerminalText.oneLine(String.join(", ", components.config().llm().providers().keySet())) + ".");
        } else if (line.startsWith("/provider ")) {
            String name = line.substring("/provider ".length()).strip();
            try {
                components.switchProvider(model, name);
                err.println("parley: now talking to " + model.describe() + ".");
            } catch (ParleyException e) {
                err.println("parley: " + TerminalText.oneLine(e.getMessage()));
            }
        } else if (line.equals("/reset")) {
            try {
                err.println("parley: " + TerminalText.oneLine(ChatReset.startOver(conversation, store, conversationName,
                        LocalDateTime.now())));
            } catch (ParleyException e) {
                err.println("parley: " + TerminalText.oneLine(e.getMessage()) + " Nothing was reset.");
            }
        } else if (line.equals("/help")) {
            err.println("parley: " + COMMANDS);
        } else {
            err.println("parley: unknown command " + TerminalText.oneLine(TerminalText.shortened(line, 60)) + "; "
                    + COMMANDS);
        }
        err.flush();
        return true;
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
            err.println("parley: " + TerminalText.oneLine(e.getMessage()));
            err.flush();
            return 1;
        }
    }
}
