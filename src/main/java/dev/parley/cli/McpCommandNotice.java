package dev.parley.cli;

import dev.parley.config.LlmConfig;
import dev.parley.config.McpServerConfig;
import dev.parley.storage.AtomicFiles;
import dev.parley.text.ShellWords;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Says which programs {@code llm.mcp} starts, before Parley starts them for the first time: a config
 * file (perhaps copied from somewhere) can run any command with the user's permissions. Said once per
 * server and command, remembered in {@code mcp-commands-seen.txt} in the data folder; a changed
 * command is new and said again. Every command that starts them says it (ask, chat, serve, test,
 * turn), just before it builds the model, which starts the servers.
 */
final class McpCommandNotice {

    static final String SEEN_FILE = "mcp-commands-seen.txt";

    private McpCommandNotice() {}

    static void sayNewCommands(LlmConfig llm, Path dataDir, PrintWriter err) {
        if (!llm.tools().enabled() || llm.mcp().isEmpty()) {
            return;
        }
        Path file = dataDir.resolve(SEEN_FILE);
        List<String> seen = read(file);
        List<String> now = new ArrayList<>(seen);
        for (Map.Entry<String, McpServerConfig> server : new TreeMap<>(llm.mcp()).entrySet()) {
            List<String> command = server.getValue() == null ? List.of() : server.getValue().command();
            if (command.isEmpty()) {
                continue;
            }
            String shown = ShellWords.command(command);
            String entry = (server.getKey() + "\t" + shown).replace('\n', ' ');
            if (!seen.contains(entry)) {
                err.println("parley: llm.mcp." + TerminalText.oneLine(server.getKey()) + " starts a program on this"
                        + " computer, with your permissions: " + TerminalText.oneLine(shown)
                        + " (said once; remove it from config.yaml if you did not put it there)");
                now.add(entry);
            }
        }
        if (now.size() > seen.size()) {
            try {
                AtomicFiles.write(file, (String.join("\n", now) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException notSaved) {
                // Then the notice is said again next time: better than never.
            }
        }
        err.flush();
    }

    private static List<String> read(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException unreadable) {
            return List.of();
        }
    }
}
