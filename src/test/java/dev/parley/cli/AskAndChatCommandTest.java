package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.CliRun;
import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.testing.TemporaryDataDir;
import dev.parley.testing.TestConfigs;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AskAndChatCommandTest {

    @TempDir
    Path folder;

    /** A chat keeps its timers in the data folder: a fresh one per test, so none rings in the next. */
    @RegisterExtension
    final TemporaryDataDir data = new TemporaryDataDir();

    private Path configFor(ScriptedLlmServer server, Protocol protocol) throws Exception {
        return TestConfigs.withProvider(folder, protocol == Protocol.OPENAI ? "openai-compatible" : "ollama",
                server.baseUrl());
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void askPrintsTheAnswerAndKeepsReasoningOffStdout(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol,
                Reply.of("<thin", "k>secret plan</thi", "nk>Paris is", " the capital.").thinkingFirst("native thought"))) {
            CliRun run = CliRun.of("ask", "--config", configFor(server, protocol).toString(), "Capital", "of", "France?");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("Paris is the capital." + System.lineSeparator());
            assertThat(run.err()).doesNotContain("secret plan").doesNotContain("native thought");
            assertThat(server.requests().getFirst().path("messages").get(1).path("content").asText())
                    .isEqualTo("Capital of France?");
        }
    }

    @Test
    void askEndsWithItsAnswerSoItOffersNoTimersWhileChatDoes() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Sure."), Reply.of("Sure."))) {
            Path config = configFor(server, Protocol.OPENAI);

            CliRun ask = CliRun.of("ask", "--config", config.toString(), "Set a timer for five minutes");
            CliRun chat = CliRun.withInput("Set a timer for five minutes\n", "chat", "--config", config.toString());

            assertThat(ask.exitCode()).as(ask.err()).isZero();
            assertThat(chat.exitCode()).as(chat.err()).isZero();
            assertThat(toolNames(server.requests().get(0))).contains("calculate", "remember")
                    .doesNotContain("set_timer", "list_timers");
            assertThat(toolNames(server.requests().get(1))).contains("calculate", "set_timer", "list_timers");
        }
    }

    private static List<String> toolNames(JsonNode request) {
        return request.path("tools").findValues("name").stream().map(JsonNode::asText).toList();
    }

    /** A config answering from {@code server}, with one MCP server "files" run as {@code command} (YAML list items). */
    private Path withMcpCommand(ScriptedLlmServer server, String command) throws java.io.IOException {
        return TestConfigs.write(folder, """
                llm:
                  active: local
                  providers:
                    local: {type: openai-compatible, base-url: "%s", model: scripted}
                  mcp:
                    files: {command: [%s]}
                """.formatted(server.baseUrl(), command));
    }

    @Test
    void anMcpCommandIsShownOnceBeforeItFirstRuns() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Hi."))) {
            // A path of this test's own, so that the data folder the tests share has not seen it.
            String program = folder.resolve("no such dir/mcp-server").toString();
            Path config = withMcpCommand(server, "\"" + program + "\", \"--root\", \"~\"");

            CliRun first = CliRun.of("ask", "--config", config.toString(), "Hello");
            CliRun second = CliRun.of("ask", "--config", config.toString(), "Hello");

            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.err()).contains("parley: llm.mcp.files starts a program on this computer, with your"
                    + " permissions: '" + program + "' --root '~' (said once;");
            assertThat(second.err()).doesNotContain("starts a program");
        }
    }

    @Test
    void testShowsAnMcpCommandBeforeItFirstRunsAsAskDoes() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Ready."))) {
            String program = folder.resolve("no such dir/test-mcp-server").toString();
            Path config = withMcpCommand(server, "\"" + program + "\"");

            CliRun run = CliRun.of("test", "--config", config.toString());

            assertThat(run.err()).contains("parley: llm.mcp.files starts a program on this computer, with your"
                    + " permissions: '" + program + "' (said once;");
        }
    }

    @Test
    void emptyQuestionsAndEmptyFileNamesAreSaidAsSuch() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Hi."))) {
            String config = configFor(server, Protocol.OPENAI).toString();
            CliRun blank = CliRun.of("ask", "--config", config, " ");
            CliRun noImage = CliRun.of("ask", "--config", config, "--image", "", "What is this?");
            CliRun noConfig = CliRun.of("ask", "--config", "", "Hi");
            CliRun noWav = CliRun.of("transcribe", "--config", config, "");

            assertThat(blank.exitCode()).isEqualTo(2);
            assertThat(blank.err()).contains("The question is empty");
            assertThat(noImage.err()).contains("The image file's name is empty");
            assertThat(noConfig.err()).contains("The config file's name is empty");
            assertThat(noWav.err()).contains("The WAV file's name is empty");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aGarbledStreamSaysOnceWhereTheAnswerStopped() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Paris", " is", " the capital.").malformedAt(2))) {
            CliRun run = CliRun.of("ask", "--config", configFor(server, Protocol.OPENAI).toString(), "Capital?");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).startsWith("Paris is");
            assertThat(run.err().split("It stopped after", -1)).as(run.err()).hasSize(2);
        }
    }

    @Test
    void controlCharactersFromTheModelAndToolsNeverReachTheTerminalRaw() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI,
                Reply.toolCall("set_timer", "{\"seconds\": 60, \"label\": \"\\u001b[2Jtea\"}"),
                Reply.of("\u001b]0;pwned\u0007Your", " timer\u0007 is set.\u001b[2J"))) {
            Path config = configFor(server, Protocol.OPENAI);

            CliRun chat = CliRun.withInput("Tea timer\n", "chat", "--config", config.toString(), "--conversation", "tea");
            CliRun ask = CliRun.of("ask", "--config", config.toString(), "Tea", "timer");
            CliRun export = CliRun.of("conversations", "export", "tea", "--config", config.toString());

            assertThat(ask.exitCode()).as(ask.err()).isZero();
            for (CliRun run : new CliRun[] {ask, chat, export}) {
                assertThat(run.out() + run.err()).doesNotContain("\u001b", "\u0007");
            }
            assertThat(ask.out()).isEqualTo("␛]0;pwned␇Your timer␇ is set.␛[2J" + System.lineSeparator());
            assertThat(chat.err()).contains("[set_timer 60, ␛[2Jtea → Timer '␛[2Jtea' set for 1 minute.]");
            assertThat(export.out()).contains("**Parley:** ␛]0;pwned␇Your timer␇ is set.␛[2J");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void askRunsToolsAndShowsEachCallCompactlyOnStderr(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol,
                Reply.toolCall("calculate", "{\"expression\": \"12*7\"}"), Reply.of("It is 84."))) {
            CliRun run = CliRun.of("ask", "--config", configFor(server, protocol).toString(), "12", "times", "7?");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("It is 84." + System.lineSeparator());
            assertThat(run.err()).contains("[calculate 12*7 → 84]");
        }
    }

    @Test
    void askSaysWhenTheAnswerWasCutShortAtMaxTokens() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("The first half of").stoppedAtMaxTokens())) {
            CliRun run = CliRun.of("ask", "--config", configFor(server, Protocol.OPENAI).toString(), "Everything?");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("The first half of" + System.lineSeparator());
            assertThat(run.err()).contains("(The answer was cut short at max-tokens.)");
        }
    }

    @Test
    void chatSaysWhichAnswerWasCutShortAndGoesOn() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Long").stoppedAtMaxTokens(),
                Reply.of("Short."))) {
            CliRun run = CliRun.withInput("Tell me all.\nAnd briefly?\n", "chat", "--config",
                    configFor(server, Protocol.OLLAMA).toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Long").contains("Short.");
            assertThat(run.err().split("cut short at max-tokens", -1)).hasSize(2);
        }
    }

    @Test
    void withoutATerminalAToolNeedingConfirmationIsRefusedInAChat() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI,
                Reply.toolCall("set_timer", "{\"seconds\": 60, \"label\": \"tea\"}"), Reply.of("I did not set it."))) {
            Path config = TestConfigs.write(folder, """
                    llm:
                      active: local
                      providers:
                        local: {type: openai-compatible, base-url: "%s", model: scripted}
                      tools: {confirm: [set_timer]}
                    """.formatted(server.baseUrl()));

            CliRun run = CliRun.withInput("Tea timer\n", "chat", "--config", config.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("[set_timer refused: needs confirmation");
            assertThat(server.requests().get(1).path("messages").get(3).path("content").asText())
                    .startsWith("error: the user did not confirm");
        }
    }

    @Test
    void askShowThinkingSendsReasoningToStderr() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI,
                Reply.of("<think>inline idea</think>Yes.").thinkingFirst("native idea"))) {
            CliRun run = CliRun.of("ask", "--config", configFor(server, Protocol.OPENAI).toString(),
                    "--show-thinking", "Really?");

            assertThat(run.out().strip()).isEqualTo("Yes.");
            assertThat(run.err()).contains("native idea").contains("inline idea");
        }
    }

    @Test
    void providerModelAndBaseUrlCanBeOverriddenForOneRun() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("From the override."))) {
            Path config = TestConfigs.write(folder, """
                    llm:
                      active: dead
                      providers:
                        dead: {type: openai-compatible, base-url: "http://127.0.0.1:9/v1", model: x}
                        local: {type: ollama, base-url: "http://127.0.0.1:9", model: llama3.2}
                    """);

            CliRun run = CliRun.of("ask", "--config", config.toString(), "--provider", "local",
                    "--model", "qwen3:0.6b", "--base-url", server.baseUrl(), "Hi");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("From the override.");
            assertThat(server.requests().getFirst().path("model").asText()).isEqualTo("qwen3:0.6b");
        }
    }

    @Test
    void unknownProviderListsTheConfiguredOnes() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");

        CliRun run = CliRun.of("ask", "--config", config.toString(), "--provider", "nope", "Hi");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no provider 'nope'").contains("local");
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"OPENAI", "OLLAMA"})
    void chatCarriesContextAcrossTurns(Protocol protocol) throws Exception {
        try (var server = new ScriptedLlmServer(protocol, Reply.of("Nice to meet you, Ada."), Reply.of("You are Ada."))) {
            CliRun run = CliRun.withInput("My name is Ada.\n\nWhat is my name?\n/quit\n",
                    "chat", "--config", configFor(server, protocol).toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Nice to meet you, Ada.").contains("You are Ada.");
            var second = server.requests().get(1).path("messages");
            assertThat(second).hasSize(4);
            assertThat(second.get(1).path("content").asText()).isEqualTo("My name is Ada.");
            assertThat(second.get(2).path("content").asText()).isEqualTo("Nice to meet you, Ada.");
            assertThat(second.get(3).path("content").asText()).isEqualTo("What is my name?");
        }
    }

    @Test
    void chatAsksALineThatBeginsWithAPathOrTwoSlashesAndRefusesOnlyAnUnknownCommand() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("A file."), Reply.of("A word."))) {
            CliRun run = CliRun.withInput("/etc/hosts is what?\n/quti\n//quit means?\n",
                    "chat", "--config", configFor(server, Protocol.OPENAI).toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("A file.").contains("A word.");
            assertThat(run.err()).contains("unknown command /quti").contains("start the line with //")
                    .doesNotContain("/etc/hosts");
            assertThat(server.requests()).hasSize(2);
            assertThat(server.requests().get(0).path("messages").get(1).path("content").asText())
                    .isEqualTo("/etc/hosts is what?");
            assertThat(server.requests().get(1).path("messages").get(3).path("content").asText())
                    .isEqualTo("/quit means?");
        }
    }

    @Test
    void chatSwitchesProviderMidConversationKeepingContextAndRefusesAnUnhealthyOne() throws Exception {
        try (var first = new ScriptedLlmServer(Protocol.OPENAI, Reply.of("Hello from the first."));
                var second = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Hello from the second."))) {
            Path config = TestConfigs.write(folder, """
                    llm:
                      active: one
                      providers:
                        one: {type: openai-compatible, base-url: "%s", model: scripted}
                        two: {type: ollama, base-url: "%s", model: scripted}
                        gone: {type: ollama, base-url: "http://127.0.0.1:9", model: scripted}
                    """.formatted(first.baseUrl(), second.baseUrl()));

            CliRun run = CliRun.withInput("Hi one.\n/provider\n/provider gone\n/provider two\nHi two.\n",
                    "chat", "--config", config.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Hello from the first.").contains("Hello from the second.");
            assertThat(run.err()).contains("Not switching to gone").contains("ollama serve").contains("Still using one")
                    .contains("now talking to two").contains("parley: talking to one")
                    .contains("/provider NAME switches to another of one, two, gone.").doesNotContain("unknown command");
            var sentToSecond = second.requests().getFirst().path("messages");
            assertThat(sentToSecond.get(1).path("content").asText()).isEqualTo("Hi one.");
            assertThat(sentToSecond.get(2).path("content").asText()).isEqualTo("Hello from the first.");
            assertThat(first.requests()).hasSize(1);
        }
    }

    @Test
    void aReplyCutOffMidStreamKeepsWhatWasSaidMarkedAndTheChatGoesOn() throws Exception {
        try (var server = new ScriptedLlmServer(Protocol.OPENAI,
                Reply.of("The first part", " of the answer", " never ends.").cutAfter(2), Reply.of("Fine."))) {
            CliRun run = CliRun.withInput("Tell me.\nAnd then?\n", "chat", "--config",
                    configFor(server, Protocol.OPENAI).toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("The first part of the answer [cut off]").contains("Fine.");
            assertThat(run.err()).contains("parley: ");
            var second = server.requests().getLast().path("messages");
            assertThat(second.get(1).path("content").asText()).isEqualTo("Tell me.");
            assertThat(second.get(2).path("content").asText()).isEqualTo("The first part of the answer");
            assertThat(second.get(3).path("content").asText()).isEqualTo("And then?");
        }
    }

    @Test
    void chatReportsEachFailedTurnAndGoesOn() throws Exception {
        Path config = TestConfigs.withProvider(folder, "ollama", "http://127.0.0.1:9");

        CliRun run = CliRun.withInput("first\nsecond\n", "chat", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(line -> line.contains("not reachable"))).hasSize(2);
    }

    @Test
    void askFallsBackToTheNextConfiguredProviderAndSaysWhichAnswered() throws Exception {
        try (var backup = new ScriptedLlmServer(Protocol.OLLAMA, Reply.of("Backup answer."))) {
            Path config = TestConfigs.write(folder, """
                    llm:
                      active: dead
                      fallback: [backup]
                      retry: {max-attempts: 2, initial-delay-ms: 10, max-delay-ms: 20}
                      providers:
                        dead: {type: openai-compatible, base-url: "http://127.0.0.1:9/v1", model: x}
                        backup: {type: ollama, base-url: "%s", model: scripted}
                    """.formatted(backup.baseUrl()));

            CliRun run = CliRun.of("ask", "--config", config.toString(), "Hello?");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().strip()).isEqualTo("Backup answer.");
            assertThat(run.err()).contains("answered by fallback provider 'backup'");
        }
    }

    @Test
    void versionAndHelpWork() {
        assertThat(CliRun.of("--version").out()).startsWith("Parley ");
        CliRun help = CliRun.of();
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("transcribe").contains("say").contains("ask").contains("turn").contains("chat");
        for (String command : new String[] {"transcribe", "say", "ask", "turn", "chat"}) {
            assertThat(CliRun.of(command, "--help").out()).as(command).contains("Usage: parley " + command);
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        CliRun run = CliRun.of("turn", "--in", "x.wav");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out");
    }

    @Test
    void handsFreeWithoutVoiceSaysHowToAskForIt() {
        CliRun run = CliRun.of("chat", "--hands-free");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--hands-free works with --voice only");
    }
}
