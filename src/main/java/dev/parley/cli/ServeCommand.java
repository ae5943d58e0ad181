package dev.parley.cli;

import dev.parley.BackgroundHealth;
import dev.parley.Components;
import dev.parley.FirstTurnWarmUp;
import dev.parley.api.ApiServer;
import dev.parley.api.ApiToken;
import dev.parley.config.ApiConfig;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationLock;
import dev.parley.conversation.ConversationStore;
import dev.parley.llm.SwitchableLanguageModel;
import dev.parley.voice.TurnController;
import dev.parley.voice.VoiceEvent;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs Parley without a window and serves the local control API (docs/api.md) until"
                + " Ctrl+C.",
                "Listens on 127.0.0.1 only (api.host in config.yaml changes that); every request needs the token"
                        + " from the file named on start."})
final class ServeCommand extends ParleySubcommand {

    private static final Logger LOG = LogManager.getLogger(ServeCommand.class);

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 picks a free one"
            + " (default: api.port of config.yaml, else 8765).")
    Integer port;

    @Option(names = "--voice", description = "Also listen and speak: microphone and speaker, push-to-talk through"
            + " the API, hands-free as configured.")
    boolean voice;

    @Option(names = "--conversation", paramLabel = "NAME", description = "Continue the saved conversation NAME, or"
            + " start it; saved after every turn. Without it the conversation is saved as serve-DATE-TIME.")
    String conversationName;

    @Override
    public Integer call() throws Exception {
        if (port != null && (port < 0 || port > 65535)) {
            // Checked before anything loads: a port no server can have is a mistake in the command line.
            throw new ParameterException(spec.commandLine(), "--port is " + port + " but a port is 0 (any free"
                    + " one) to 65535");
        }
        Components components = parley.componentsOrLastGood(spec.commandLine().getErr());
        ApiConfig api = components.config().api();
        if (port != null) {
            api = api.withPort(port);
        }
        ConversationStore store = components.conversationStore();
        String name = conversationName != null ? conversationName
                : "serve-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        // Held until exit: another Parley continuing the same conversation would save over its turns.
        ConversationLock lock = ConversationLock.take(store, name);
        Conversation conversation = store.exists(name) ? store.load(name) : components.newConversation();
        McpCommandNotice.sayNewCommands(components.config().llm(), components.paths().dataDir(),
                spec.commandLine().getErr());
        var model = new SwitchableLanguageModel(components.languageModel(Components.LlmChoice.CONFIGURED));
        TurnController assistant = components.voiceAssistant(model, conversation);
        BackgroundHealth health = BackgroundHealth.start(components, components.config().llm(),
                () -> !assistant.state().atRest());
        // After every turn, as chat does: a crash, a kill or a power cut loses at most the turn in progress.
        assistant.subscribe(event -> {
            if (event instanceof VoiceEvent.Waterfall) {
                save(store, name, assistant.conversation());
            }
        });
        if (voice) {
            components.useVoice(assistant);
            FirstTurnWarmUp.startVoice(components); // the first answer spoken as quick as later ones
        }
        ApiToken token = ApiToken.forUser(components.paths());
        ApiServer server = ApiServer.start(api, token, new ApiServer.Backend(components, model, assistant, voice,
                () -> name));
        if (server.port() < 0) {
            // Helidon logs a failed bind and returns a server that does not listen, instead of throwing.
            server.close();
            health.close();
            assistant.close();
            lock.close();
            components.close();
            spec.commandLine().getErr().println("Parley cannot listen on " + api.host() + ":" + api.port()
                    + ": the port is in use, or the address is not this computer's. Try --port 0 or another"
                    + " api.port in config.yaml.");
            return 1;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Ordered: no client waits on a closing server, and the last answer is in the saved file.
            server.close();
            health.close();
            assistant.close();
            save(store, name, assistant.conversation());
            lock.close();
            components.close();
            stopped.countDown();
        }, "parley-serve-shutdown"));
        // After the hook: whatever happens from here, the MCP servers' processes end with this one.
        components.resumeTimers(); // timers that went off while Parley was closed, on the event stream and aloud

        PrintWriter out = out();
        out.println("Parley API on " + server.url() + " (token: " + token.file() + ")");
        out.flush();
        stopped.await(); // until Ctrl+C or SIGTERM runs the hook
        return 0;
    }

    private static void save(ConversationStore store, String name, Conversation conversation) {
        if (conversation.turnCount() == 0) {
            return;
        }
        try {
            store.save(name, conversation);
            LOG.info("Saved the conversation '{}' in {}", name, store.fileFor(name));
        } catch (RuntimeException e) {
            LOG.error("Could not save the conversation '{}'", name, e);
        }
    }
}
