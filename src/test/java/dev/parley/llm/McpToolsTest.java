package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bench.ScriptedLlmServer;
import dev.parley.bench.ScriptedLlmServer.Protocol;
import dev.parley.bench.ScriptedLlmServer.Reply;
import dev.parley.config.McpServerConfig;
import dev.parley.config.ToolsConfig;
import dev.parley.conversation.Message;
import dev.parley.llm.embedded.EmbeddedModels;
import dev.parley.llm.embedded.ModelDownloads;
import dev.parley.testing.CapturedLog;
import dev.parley.testing.FakeMcpServer;
import dev.parley.tools.Calculator;
import dev.parley.tools.ToolConfirmer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tools of an MCP server (a real child process over stdio) offered and run next to the built-ins. */
class McpToolsTest {

    @Test
    void theModelCanCallAToolOfAnMcpServer() throws Exception {
        try (McpServers mcp = McpServers.connect(Map.of("fake", new McpServerConfig(FakeMcpServer.command(), null)),
                Duration.ofSeconds(10));
                var server = new ScriptedLlmServer(Protocol.OPENAI, Reply.toolCall("shout", "{\"text\": \"hello\"}"),
                        Reply.of("It says HELLO."))) {
            var runner = new ToolRunner(List.of(new Calculator()), mcp, new ToolsConfig(true, 5, 10, List.of()),
                    ToolConfirmer.DENY);
            LanguageModel model = new LanguageModels(new ApiKeys(Map.of("TEST_KEY", "sk-test")::get),
                    new EmbeddedModels(Path.of("target/test-llm-models"), ModelDownloads.Progress.NONE), runner)
                    .create("local", ScriptedProviders.config(Protocol.OPENAI, server.baseUrl(), 10));

            LlmReply reply = model.reply(List.of(Message.user("Shout hello")), ReplyListener.IGNORE);

            assertThat(reply.text()).isEqualTo("It says HELLO.");
            assertThat(server.requests().getFirst().path("tools").findValuesAsText("name"))
                    .containsExactly("calculate", "shout");
            assertThat(server.requests().get(1).path("messages").get(2).path("content").asText()).isEqualTo("HELLO");
        }
    }

    @Test
    void aServerThatCannotStartIsLeftOut() {
        try (McpServers mcp = McpServers.connect(Map.of("broken",
                new McpServerConfig(List.of("/nonexistent/mcp-server"), null)), Duration.ofSeconds(2))) {
            assertThat(mcp.tools()).isEmpty();
        }
    }

    @Test
    void aServerThatHangsAtStartIsLeftOutAndItsProcessesEnd(@TempDir Path folder) throws Exception {
        Path pids = folder.resolve("pids");
        // The shell starts a child of its own and then never answers the MCP handshake.
        String script = "sleep 600 & echo $! > '" + pids + "'; echo $$ >> '" + pids + "'; wait";

        try (CapturedLog log = CapturedLog.of(McpServers.class);
                McpServers mcp = McpServers.connect(Map.of("hung", new McpServerConfig(List.of("sh", "-c", script), null)),
                        Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            assertThat(mcp.tools()).isEmpty();
            assertThat(log.at(Level.WARN)).singleElement().asString()
                    .startsWith("MCP server 'hung' is left out: its program did not answer within 1 s (it hangs"
                            + " before speaking MCP); run `sh -c 'sleep 600 & echo")
                    .endsWith("yourself to see why");
        }

        assertThat(Files.readAllLines(pids)).hasSize(2).allSatisfy(pid -> assertEnds(Long.parseLong(pid)));
    }

    @Test
    void closingEndsEveryProcessAServerStarted(@TempDir Path folder) throws Exception {
        Path pids = folder.resolve("pids");
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "sleep 600 & echo $! > '" + pids + "'; exec \"$0\" \"$@\""));
        command.addAll(FakeMcpServer.command());

        try (McpServers mcp = McpServers.connect(Map.of("fake", new McpServerConfig(command, null)), Duration.ofSeconds(10))) {
            assertThat(mcp.tools()).isNotEmpty();
        }

        assertEnds(Long.parseLong(Files.readString(pids).strip()));
    }

    /** A reply made before a config change retired the servers may still call one of their tools. */
    @Test
    void aToolOfServersParleyClosedSaysSoInParleysWords() {
        McpServers mcp = McpServers.connect(Map.of("fake", new McpServerConfig(FakeMcpServer.command(), null)),
                Duration.ofSeconds(10));
        var shout = mcp.tools().getFirst();
        mcp.close();

        assertThat(shout.execute(dev.langchain4j.agent.tool.ToolExecutionRequest.builder()
                .id("1").name("shout").arguments("{\"text\": \"late\"}").build()))
                .isEqualTo("error: the MCP server 'fake' cannot run shout: Parley closed its connection to the server");
    }

    private static void assertEnds(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> assertThat(process.onExit())
                .as("process %d still runs", pid).succeedsWithin(Duration.ofSeconds(10)));
    }

    @Test
    void toolsOfAStreamableHttpServerAreListedAndRun() throws Exception {
        var http = FakeMcpServer.startHttp();
        try (McpServers mcp = McpServers.connect(Map.of("remote", new McpServerConfig(null,
                "http://127.0.0.1:" + http.getAddress().getPort() + "/mcp")), Duration.ofSeconds(10))) {
            assertThat(mcp.tools()).extracting(tool -> tool.specification().name()).containsExactly("shout");
            assertThat(mcp.tools().getFirst().execute(dev.langchain4j.agent.tool.ToolExecutionRequest.builder()
                    .id("1").name("shout").arguments("{\"text\": \"quiet\"}").build())).isEqualTo("QUIET");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aServersOwnPingWithTheIdOfAPendingRequestDoesNotTakeItsAnswer() throws Exception {
        var http = FakeMcpServer.startHttp(true);
        try (McpServers local = McpServers.connect(Map.of("local", new McpServerConfig(
                        FakeMcpServer.command(FakeMcpServer.PINGS_FIRST), null)), Duration.ofSeconds(5));
                McpServers remote = McpServers.connect(Map.of("remote", new McpServerConfig(null,
                        "http://127.0.0.1:" + http.getAddress().getPort() + "/mcp")), Duration.ofSeconds(5))) {
            // The client answers the ping with the server's id: its reply must not stand in for tools/list.
            assertThat(local.tools()).extracting(tool -> tool.specification().name()).containsExactly("shout");
            assertThat(remote.tools()).extracting(tool -> tool.specification().name()).containsExactly("shout");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void toolsWhoseNamesProvidersRejectAreLeftOutAndLongDescriptionsCut() {
        try (CapturedLog log = CapturedLog.of(ToolRunner.class);
                McpServers mcp = McpServers.connect(Map.of("odd", new McpServerConfig(
                        FakeMcpServer.command(FakeMcpServer.HOSTILE_NAMES), null)), Duration.ofSeconds(10))) {
            var runner = new ToolRunner(List.of(new Calculator()), mcp, new ToolsConfig(true, 5, 10, List.of()),
                    ToolConfirmer.DENY);

            assertThat(runner.specifications()).extracting(specification -> specification.name())
                    .containsExactly("calculate", "shout", "wordy");
            assertThat(runner.specifications().getLast().description())
                    .hasSize(ToolRunner.MAX_DESCRIPTION_CHARS + 1).endsWith("…");
            assertThat(log.at(Level.WARN)).containsExactly(
                    "MCP tool 'has space\\u000a\\u202e' of server 'odd' is left out: a tool name may hold only letters,"
                            + " digits, _ and -, at most 64 of them, or providers refuse every request",
                    "MCP tool '" + "n".repeat(80) + "…' of server 'odd' is left out: a tool name may hold only letters,"
                            + " digits, _ and -, at most 64 of them, or providers refuse every request");
        }
    }
}
