package dev.parley.durability;

import dev.parley.Components;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ConfigWriter;
import dev.parley.config.ParleyPaths;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationLock;
import dev.parley.conversation.ConversationStore;
import dev.parley.llm.ApiKeys;
import dev.parley.llm.LanguageModel;
import dev.parley.pipeline.TurnClock;
import dev.parley.pipeline.TurnRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Parley process for KillDuringSavingTurnsTest, built by {@link Components} from a real config: it
 * opens the saved conversation (as {@code chat --conversation} does, under its lock), says "ready N"
 * (the turns it found), then runs text turns (saying "saving" after the first) against a scripted model over real HTTP until killed. Every turn has the
 * model call {@code remember} (memory.json), is metered (usage.jsonl) and saved (the conversation);
 * every third one also changes config.yaml through the config writer. Arguments: FOLDER (holding
 * config.yaml; data in FOLDER/data).
 */
public final class SavingTurns {

    static final String CONVERSATION = "kept";
    private static final int SCRIPTED_TURNS = 10_000;

    private SavingTurns() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        List<Reply> script = new ArrayList<>();
        for (int i = 0; i < SCRIPTED_TURNS; i++) {
            script.add(Reply.toolCall("remember", "{\"fact\": \"fact " + ProcessHandle.current().pid() + "-" + i
                    + " is worth keeping\"}"));
            script.add(Reply.of("Noted", " number ", String.valueOf(i), "."));
        }
        try (ScriptedLlmServer server = new ScriptedLlmServer(Protocol.OPENAI, script.toArray(Reply[]::new))) {
            Path config = folder.resolve("config.yaml");
            if (!Files.exists(config)) {
                Files.writeString(config, """
                        llm:
                          active: scripted
                          providers:
                            scripted: {type: openai-compatible, base-url: "%s", model: scripted}
                        tts:
                          volume: 0.5
                        """.formatted(server.baseUrl()));
            } else {
                new ConfigWriter().update(config, edits -> edits.set(List.of("llm", "providers", "scripted",
                        "base-url"), server.baseUrl()));
            }
            ParleyPaths paths = new ParleyPaths(folder, folder, folder.resolve("data"), folder.resolve("logs"));
            try (Components components = new Components(paths, new ConfigLoader().load(config),
                    new ApiKeys(Map.<String, String>of()::get))) {
                ConversationStore store = components.conversationStore();
                try (ConversationLock lock = ConversationLock.take(store, CONVERSATION)) {
                    Conversation conversation = store.exists(CONVERSATION) ? store.load(CONVERSATION)
                            : components.newConversation();
                    LanguageModel model = components.languageModel(Components.LlmChoice.CONFIGURED);
                    try (TurnRunner runner = components.turnRunner(model)) {
                        System.out.println("ready " + conversation.turnCount());
                        System.out.flush();
                        for (int turn = 0; ; turn++) {
                            runner.run(conversation, "Remember fact " + turn + ".", new TurnClock(), event -> { },
                                    null);
                            store.save(CONVERSATION, conversation);
                            if (turn == 0) {
                                System.out.println("saving"); // warm: the kills land among quick turns from here
                                System.out.flush();
                            }
                            if (turn % 3 == 0) {
                                double volume = 0.1 + turn % 9 / 10.0;
                                new ConfigWriter().update(config, edits -> edits.set(List.of("tts", "volume"),
                                        volume));
                            }
                        }
                    }
                }
            }
        }
    }
}
