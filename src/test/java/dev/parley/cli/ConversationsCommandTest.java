package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.CliRun;
import dev.parley.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code chat --conversation NAME} and {@code parley conversations …}, against a scripted local model. */
class ConversationsCommandTest {

    private static final String DATA_DIR = "parley.data.dir";

    @TempDir
    Path folder;

    private String previousDataDir;

    @BeforeEach
    void redirectDataFolder() {
        previousDataDir = System.getProperty(DATA_DIR);
        System.setProperty(DATA_DIR, folder.resolve("data").toString());
    }

    @AfterEach
    void restoreDataFolder() {
        if (previousDataDir == null) {
            System.clearProperty(DATA_DIR);
        } else {
            System.setProperty(DATA_DIR, previousDataDir);
        }
    }

    private Path conversations() {
        return folder.resolve("data").resolve("conversations");
    }

    private static List<String> contents(JsonNode request) {
        return StreamSupport.stream(request.path("messages").spliterator(), false)
                .map(message -> message.path("content").asText()).toList();
    }

    @Test
    void chatWithAConversationNameContinuesWhereTheLastRunStopped() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Nice to meet you, Ada."), Reply.of("You are Ada."))) {
            String config = TestConfigs.withProvider(folder, "ollama", server.baseUrl()).toString();

            CliRun first = CliRun.withInput("My name is Ada.\n", "chat", "--config", config, "--conversation", "Ada chat");
            CliRun second = CliRun.withInput("What is my name?\n", "chat", "--config", config, "--conversation", "Ada chat");

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(contents(server.requests().get(1))).containsExactly(
                    "Answer briefly.", "My name is Ada.", "Nice to meet you, Ada.", "What is my name?");
            assertThat(conversations().resolve("Ada-chat.json")).isRegularFile();
            assertThat(CliRun.of("conversations", "list", "--config", config).out())
                    .containsPattern("Ada chat +4 turns +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        }
    }

    @Test
    void searchListsTheConversationsThatSaidTheWordsWithTheLine() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("About nine minutes."), Reply.of("At 10:42."))) {
            String config = TestConfigs.withProvider(folder, "ollama", server.baseUrl()).toString();
            CliRun.withInput("How long do I boil an egg?\n", "chat", "--config", config, "--conversation", "kitchen");
            CliRun.withInput("When does the train leave?\n", "chat", "--config", config, "--conversation", "travel");

            CliRun found = CliRun.of("conversations", "search", "NINE", "minutes", "--config", config);
            CliRun none = CliRun.of("conversations", "search", "zebra", "--config", config);

            assertThat(found.exitCode()).as(found.err()).isZero();
            assertThat(found.out()).containsPattern("(?m)^kitchen  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\n    About nine minutes\\.$")
                    .doesNotContain("travel");
            assertThat(none.exitCode()).isEqualTo(1);
            assertThat(none.out()).isEqualTo("No saved conversation mentions \"zebra\".\n");
        }
    }

    @Test
    void resetStartsASavedConversationOverAndKeepsItsEarlierTurnsUnderANameItSays() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("One."), Reply.of("Two."), Reply.of("Three."))) {
            String config = TestConfigs.withProvider(folder, "ollama", server.baseUrl()).toString();

            CliRun run = CliRun.withInput("First?\nSecond?\n/reset\nThird?\n", "chat", "--config", config,
                    "--conversation", "keep");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).containsPattern("parley: Started over: the 4 earlier turns are kept as the"
                    + " conversation 'keep-before-reset-\\d{4}-\\d\\d-\\d\\d-\\d{6}' \\(parley conversations export");
            assertThat(contents(server.requests().get(2))).containsExactly("Answer briefly.", "Third?");
            assertThat(CliRun.of("conversations", "list", "--config", config).out())
                    .containsPattern("(?m)^keep +2 turns").containsPattern("(?m)^keep-before-reset-\\S+ +4 turns");
        }
    }

    @Test
    void resetInAnUnsavedChatSaysTheTurnsAreForgotten() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("One."))) {
            String config = TestConfigs.withProvider(folder, "ollama", server.baseUrl()).toString();

            CliRun run = CliRun.withInput("/reset\nFirst?\n/reset\n", "chat", "--config", config);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("parley: Started over (there were no earlier turns).")
                    .contains("parley: Started over: the 2 earlier turns are forgotten (this chat is not saved).");
            assertThat(conversations()).doesNotExist();
        }
    }

    @Test
    void aConversationOpenInAnotherParleyIsRefusedBeforeAnyTurn() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Hi."));
                var other = dev.parley.conversation.ConversationLock.take(
                        new dev.parley.conversation.ConversationStore(conversations()), "Ada chat")) {
            String config = TestConfigs.withProvider(folder, "ollama", server.baseUrl()).toString();

            CliRun run = CliRun.withInput("Hello\n", "chat", "--config", config, "--conversation", "Ada chat");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("'Ada chat' is open in another Parley");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aDataFolderThatCannotHoldTheConversationIsRefusedWithTheWaysOut() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Hi."))) {
            String config = TestConfigs.withProvider(folder, "ollama", server.baseUrl()).toString();
            Files.writeString(folder.resolve("data"), "a file where the data folder goes");

            CliRun run = CliRun.withInput("Hello\n", "chat", "--config", config, "--conversation", "Ada chat");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("parley: Cannot lock the conversation 'Ada chat'")
                    .contains(folder.resolve("data") + " is a file, not a folder: move it away.")
                    .contains("Or set XDG_DATA_HOME to a folder you can write, or leave out --conversation to chat"
                            + " without saving.");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void chatWithoutAConversationNameSavesNothing() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Hi."))) {
            String config = TestConfigs.withProvider(folder, "ollama", server.baseUrl()).toString();

            CliRun run = CliRun.withInput("Hello\n", "chat", "--config", config);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(conversations()).doesNotExist();
        }
    }

    @Test
    void aLongChatIsSummarizedByTheModelAndStaysWithinTheBudget() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Noted."))) {
            Path config = TestConfigs.write(folder, """
                    conversation:
                      max-context-tokens: 500
                    llm:
                      active: local
                      system-prompt: Answer briefly.
                      providers:
                        local: {type: ollama, base-url: "%s", model: scripted, timeout-seconds: 10}
                    """.formatted(server.baseUrl()));
            StringBuilder input = new StringBuilder();
            for (int i = 1; i <= 6; i++) {
                input.append("line ").append(i).append(' ').append("w".repeat(600)).append('\n');
            }

            CliRun run = CliRun.withInput(input.toString(), "chat", "--config", config.toString(), "--conversation", "long");

            assertThat(run.exitCode()).as(run.err()).isZero();
            List<List<String>> requests = server.requests().stream().map(ConversationsCommandTest::contents).toList();
            List<String> summaryRequest = requests.stream()
                    .filter(messages -> messages.getFirst().startsWith("You condense conversations")).findFirst().orElseThrow();
            assertThat(summaryRequest.get(1)).contains("User: line 1 ").contains("Assistant: Noted.");
            List<String> last = requests.getLast();
            assertThat(last.get(0)).isEqualTo("Answer briefly.");
            assertThat(last.get(1)).isEqualTo("Summary of the earlier conversation: Noted.");
            assertThat(last.getLast()).startsWith("line 6 ");
            assertThat(last).noneMatch(text -> text.startsWith("line 1 "));
            assertThat(CliRun.of("conversations", "export", "long", "--config", config.toString()).out())
                    .as("the saved transcript keeps every turn").contains("**You:** line 1 ").contains("**You:** line 6 ");
        }
    }

    @Test
    void exportRenameAndDeleteWorkOnSavedConversations() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Paris.").thinkingFirst("capital of France"))) {
            String config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl()).toString();
            CliRun.withInput("Capital of France?\n", "chat", "--config", config, "--conversation", "geo");
            Path markdown = folder.resolve("geo.md");

            CliRun toStdout = CliRun.of("conversations", "export", "geo", "--config", config);
            CliRun toDash = CliRun.of("conversations", "export", "geo", "--out", "-", "--config", config);
            CliRun toFile = CliRun.of("conversations", "export", "geo", "--out", markdown.toString(), "--reasoning",
                    "--config", config);
            String exported = Files.readString(markdown);
            CliRun again = CliRun.of("conversations", "export", "geo", "--out", markdown.toString(), "--config", config);
            CliRun forced = CliRun.of("conversations", "export", "geo", "--out", markdown.toString(), "--force",
                    "--config", config);
            CliRun overItself = CliRun.of("conversations", "export", "geo", "--out",
                    conversations().resolve("geo.json").toString(), "--force", "--config", config);
            CliRun rename = CliRun.of("conversations", "rename", "geo", "geography 101", "--config", config);
            CliRun listAfterRename = CliRun.of("conversations", "list", "--config", config);
            CliRun delete = CliRun.of("conversations", "delete", "geography 101", "--config", config);
            CliRun listAfterDelete = CliRun.of("conversations", "list", "--config", config);

            assertThat(toStdout.out()).isEqualTo("# geo\n\n**You:** Capital of France?\n\n**Parley:** Paris.\n");
            assertThat(toDash.out()).as("- is stdout, as for most tools").isEqualTo(toStdout.out());
            assertThat(Path.of("-")).doesNotExist();
            assertThat(toFile.exitCode()).as(toFile.err()).isZero();
            assertThat(exported).contains("> capital of France").contains("**Parley:** Paris.");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(markdown))).isEqualTo("rw-------");
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains(markdown + " exists; add --force to replace it");
            assertThat(forced.exitCode()).as(forced.err()).isZero();
            assertThat(Files.readString(markdown)).doesNotContain("> capital of France");
            assertThat(overItself.exitCode()).isEqualTo(1);
            assertThat(overItself.err()).contains("it is in Parley's conversations folder");
            assertThat(rename.exitCode()).as(rename.err()).isZero();
            assertThat(listAfterRename.out()).contains("geography 101").doesNotContain("geo ");
            assertThat(delete.exitCode()).as(delete.err()).isZero();
            assertThat(listAfterDelete.out()).contains("No saved conversations");
        }
    }

    /** Renaming the export over the link would replace it: as root, {@code --out /dev/stdout} would replace /dev/stdout. */
    @Test
    void anExportThroughALinkWritesWhereItLeadsAndKeepsTheLink() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Paris."))) {
            String config = TestConfigs.withProvider(folder, "openai-compatible", server.baseUrl()).toString();
            CliRun.withInput("Capital of France?\n", "chat", "--config", config, "--conversation", "geo");
            Path target = Files.createFile(folder.resolve("made-by-the-shell.md"));
            Path link = Files.createSymbolicLink(folder.resolve("stdout"), target);

            CliRun run = CliRun.of("conversations", "export", "geo", "--out", link.toString(), "--config", config);

            assertThat(run.exitCode()).as("an empty file loses nothing: " + run.err()).isZero();
            assertThat(Files.isSymbolicLink(link)).isTrue();
            assertThat(Files.readString(target)).isEqualTo("# geo\n\n**You:** Capital of France?\n\n**Parley:** Paris.\n");
        }
    }

    @Test
    void aListOfOnlyUnreadableFilesSaysSoInsteadOfNoConversations() throws Exception {
        Files.createDirectories(conversations());
        Files.writeString(conversations().resolve("notes.json"), "{\"name\": \"notes\", \"turns\": [");
        Files.writeString(conversations().resolve("plans.json"), "not json");
        String config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9").toString();

        CliRun run = CliRun.of("conversations", "list", "--config", config);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("No saved conversations");
        assertThat(run.err()).contains("2 saved conversation files could not be read and are not listed: "
                + conversations().resolve("notes.json") + ", " + conversations().resolve("plans.json"));
    }

    /** A file where the data folder goes: "no saved conversations yet" would be false comfort. */
    @Test
    void aListWhereAFileStandsInTheDataFoldersPlaceSaysSoInsteadOfNoConversations() throws Exception {
        Path blocker = Files.writeString(folder.resolve("data"), "not a folder");
        String config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9").toString();

        CliRun run = CliRun.of("conversations", "list", "--config", config);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("No saved conversations");
        assertThat(run.err()).contains("no conversation can be saved in " + conversations() + ": " + blocker
                + " is a file, not a folder. Move that file away, or set XDG_DATA_HOME to another folder.");
    }

    @Test
    void theListAsJsonHasTheConversationsAndTheFilesThatCouldNotBeRead() throws Exception {
        Files.createDirectories(conversations());
        new dev.parley.conversation.ConversationStore(conversations()).save("kitchen",
                new dev.parley.conversation.Conversation("Answer briefly."));
        Files.writeString(conversations().resolve("plans.json"), "not json");
        String config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9").toString();

        CliRun run = CliRun.of("conversations", "list", "--json", "--config", config);

        assertThat(run.exitCode()).as("a file could not be read").isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode listed = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out());
        assertThat(listed.path("conversations").get(0).path("id").asText()).isEqualTo("kitchen");
        assertThat(listed.path("conversations").get(0).has("updated")).isTrue();
        assertThat(listed.path("unreadable").get(0).asText()).isEqualTo(conversations().resolve("plans.json").toString());
    }

    @Test
    void aCorruptConversationFileStopsChatAndIsLeftAsItWas() throws Exception {
        Files.createDirectories(conversations());
        Path file = conversations().resolve("notes.json");
        Files.writeString(file, "{\"name\": \"notes\", \"turns\": [");
        String config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9").toString();

        CliRun run = CliRun.withInput("Hello\n", "chat", "--config", config, "--conversation", "notes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(file.toString()).contains("not a readable conversation");
        assertThat(file).hasContent("{\"name\": \"notes\", \"turns\": [");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../outside", "a/b", "x.json"})
    void invalidConversationNamesAreRejectedBeforeAnyTurn(String name) throws Exception {
        String config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9").toString();

        CliRun run = CliRun.withInput("Hello\n", "chat", "--config", config, "--conversation", name);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not a valid conversation name").doesNotContain("not reachable");
    }

    @Test
    void missingConversationsSayHowToListThem() throws Exception {
        String config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9").toString();

        CliRun run = CliRun.of("conversations", "delete", "nothing", "--config", config);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no conversation named 'nothing'").contains("parley conversations list");
    }

    @ParameterizedTest(name = "conversations {0} --help")
    @ValueSource(strings = {"list", "export", "delete", "rename"})
    void everySubcommandHasHelp(String subcommand) {
        CliRun run = CliRun.of("conversations", subcommand, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: parley conversations " + subcommand);
        assertThat(CliRun.of("--help").out()).contains("conversations");
        assertThat(CliRun.of("chat", "--help").out()).contains("--conversation=NAME");
    }
}
