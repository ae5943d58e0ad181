package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.parley.config.McpServerConfig;
import dev.parley.testing.CapturedLog;
import dev.parley.testing.FakeMcpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MCP servers that misbehave (real child processes, a real HTTP server): each costs little and says why. */
class McpServerFailuresTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void aProgramPrintingALineWithoutEndIsCutOffAtTheMessageLimit() {
        // 20 MB without a newline, then silence: a reader without a limit holds it all and waits.
        // The shell is ended before its child: ended after, it went on to start the sleep, which outlived Parley.
        String sleep = "sleep 599." + System.nanoTime() % 1_000_000; // one this run alone starts
        var command = List.of("sh", "-c", "head -c 20000000 /dev/zero; " + sleep);
        long start = System.nanoTime();

        try (CapturedLog log = CapturedLog.of(McpServers.class);
                McpServers mcp = McpServers.connect(Map.of("flood", new McpServerConfig(command, null)), LONG, LONG)) {
            assertThat(mcp.tools()).isEmpty();
            assertThat(log.at(Level.WARN)).singleElement().asString().isEqualTo("MCP server 'flood' is left out: it"
                    + " sent a message larger than 4 MB, the most Parley reads from an MCP server");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(ProcessHandle.allProcesses().map(process -> process.info().commandLine().orElse("")))
                .noneMatch(commandLine -> commandLine.endsWith(sleep));
    }

    @Test
    void anHttpServerAnsweringWithABodyWithoutEndIsCutOffAtTheMessageLimit() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/mcp", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked, no end announced
            byte[] spaces = new byte[64 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            try (OutputStream body = exchange.getResponseBody()) {
                for (int sent = 0; sent < 1024; sent++) { // 64 MB, then the test gives up on its own
                    body.write(spaces);
                }
            } catch (IOException clientWentAway) {
                // the expected end: the client stopped reading
            }
        });
        http.start();
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/mcp";
        try (CapturedLog log = CapturedLog.of(McpServers.class);
                McpServers mcp = McpServers.connect(Map.of("endless", new McpServerConfig(null, url)), LONG)) {
            assertThat(mcp.tools()).isEmpty();
            assertThat(log.at(Level.WARN)).singleElement().asString().isEqualTo("MCP server 'endless' is left out: it"
                    + " sent a message larger than 4 MB, the most Parley reads from an MCP server");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aProgramThatExitsIsReportedAtOnceWithItsCodeAndCommand() {
        var command = List.of("sh", "-c", "echo 'no API token set' >&2; exit 3");
        long start = System.nanoTime();

        try (CapturedLog log = CapturedLog.of(McpServers.class);
                McpServers mcp = McpServers.connect(Map.of("dead", new McpServerConfig(command, null)), LONG, LONG)) {
            assertThat(mcp.tools()).isEmpty();
            assertThat(log.at(Level.WARN)).singleElement().asString().isEqualTo("MCP server 'dead' is left out: its"
                    + " program exited with code 3 (its last output: no API token set) before speaking MCP; run"
                    + " `sh -c 'echo '\\''no API token set'\\'' >&2; exit 3'` yourself to see why");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aProgramWhoseChildKeepsItsOutputOpenIsReportedAtOnceAndHoldsNoSharedThread(@TempDir Path folder)
            throws Exception {
        // The program exits; the child it left behind still holds its stdout and stderr. The JDK then
        // waits, in a thread of whoever fires the program's exit, for the pipe readers to let go: on the
        // common pool (one worker on two cores) that stalled everything else that used it.
        // Which thread that is varies from run to run, so eight programs do it at once.
        Path pids = folder.resolve("pids");
        var command = List.of("sh", "-c", "sleep 600 & echo $! >> '" + pids + "'; echo 'gone' >&2; exit 3");
        Map<String, McpServerConfig> servers = new java.util.TreeMap<>();
        for (int i = 1; i <= 8; i++) {
            servers.put("parent" + i, new McpServerConfig(command, null));
        }
        try (CapturedLog log = CapturedLog.of(McpServers.class);
                McpServers mcp = McpServers.connect(servers, LONG, LONG)) {
            assertThat(mcp.tools()).isEmpty();
            assertThat(log.at(Level.WARN)).hasSize(8).allSatisfy(warning -> assertThat(warning).asString()
                    .contains("left out: its program exited with code 3 (its last output: gone)"));
            Thread.sleep(500); // time for the exit's work to run wherever it runs
            assertThat(Thread.getAllStackTraces().entrySet()).noneSatisfy(thread -> {
                assertThat(thread.getKey().getName()).startsWith("ForkJoinPool.commonPool");
                assertThat(thread.getValue()).anySatisfy(frame ->
                        assertThat(frame.getMethodName()).isEqualTo("processExited"));
            });
            assertThat(CompletableFuture.runAsync(() -> {})).succeedsWithin(Duration.ofSeconds(5));
        } finally {
            for (String pid : Files.readAllLines(pids)) {
                ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void theChildrenAProgramLeftWhenItExitedAreEnded(@TempDir Path folder) throws Exception {
        Path pids = folder.resolve("pids");
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "sleep 597 & echo $! > '" + pids + "'; echo $$ >> '" + pids + "'; exec \"$0\" \"$@\""));
        command.addAll(FakeMcpServer.command());
        try (McpServers mcp = McpServers.connect(Map.of("fake", new McpServerConfig(command, null)), LONG)) {
            List<String> lines = Files.readAllLines(pids);
            ProcessHandle child = ProcessHandle.of(Long.parseLong(lines.get(0).strip())).orElseThrow();
            ProcessHandle server = ProcessHandle.of(Long.parseLong(lines.get(1).strip())).orElseThrow();
            Thread.sleep(300); // the program's tree has been looked at (50 ms after its start, then 100, 200)

            server.destroyForcibly(); // it crashes; its child, left under init, still holds its pipes

            assertThat(child.onExit()).as("the child the server left").succeedsWithin(Duration.ofSeconds(10));
            assertThat(mcp.tools().getFirst().execute(ToolExecutionRequest.builder().id("1").name("shout")
                    .arguments("{\"text\": \"hello\"}").build()))
                    .startsWith("error: the MCP server 'fake' cannot run shout: its program exited with code");
        } finally {
            for (String pid : Files.readAllLines(pids)) {
                ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void closingEndsEveryServerAtOnceAndAUrlServersCallUnderWay() throws Exception {
        var http = FakeMcpServer.startHttp(false, Duration.ofSeconds(20));
        // Each local server leaves a child that ignores SIGTERM: 2 s of grace each, one after another 8 s.
        Map<String, McpServerConfig> servers = new java.util.TreeMap<>(Map.of("remote", new McpServerConfig(null,
                "http://127.0.0.1:" + http.getAddress().getPort() + "/mcp")));
        for (int i = 1; i <= 4; i++) {
            List<String> command = new ArrayList<>(List.of("sh", "-c",
                    "(trap '' TERM; sleep 598) & exec \"$0\" \"$@\""));
            command.addAll(FakeMcpServer.command());
            servers.put("local" + i, new McpServerConfig(command, null));
        }
        McpServers mcp = McpServers.connect(servers, LONG);
        try {
            assertThat(mcp.tools()).hasSize(5);
            int callsBefore = FakeMcpServer.httpCallsReceived();
            var call = CompletableFuture.supplyAsync(() -> mcp.tools().stream()
                    .filter(tool -> tool.client().key().equals("remote")).findFirst().orElseThrow()
                    .execute(ToolExecutionRequest.builder().id("1").name("shout").arguments("{\"text\": \"x\"}")
                            .build()), runnable -> Thread.ofVirtual().start(runnable));
            while (FakeMcpServer.httpCallsReceived() == callsBefore) {
                Thread.sleep(20); // until the call is under way: its answer takes 20 s
            }

            long start = System.nanoTime();
            mcp.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(call).succeedsWithin(Duration.ofSeconds(2)).asString()
                    .isEqualTo("error: the MCP server 'remote' cannot run shout: " + McpServerFailure.CLOSED);
        } finally {
            mcp.close();
            http.stop(0);
        }
    }

    @Test
    void atTheJvmsExitNoProgramStartsAgain() {
        // The client's health check restarts a program it finds gone; while the exit hook ends the
        // programs one could otherwise start again, and run on under init after Parley.
        StdioMcpServer server = new StdioMcpServer(FakeMcpServer.command());
        server.start(null); // nothing is read before the client speaks: no handler needed

        ProcessTrees.end(server.closeForExit());

        assertThatThrownBy(() -> server.start(null)).isInstanceOf(McpServerFailure.class)
                .hasMessage(McpServerFailure.CLOSED);
    }

    @Test
    void serversThatHangStartTogetherNotOneAfterAnother() {
        var hanging = new McpServerConfig(List.of("sleep", "600"), null);
        long start = System.nanoTime();

        try (McpServers mcp = McpServers.connect(Map.of("a", hanging, "b", hanging, "c", hanging),
                Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            assertThat(mcp.tools()).isEmpty();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anHttpServerThatDoesNotAnswerIsReportedByItsUrl() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/mcp", exchange -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        http.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/mcp";
        try (CapturedLog log = CapturedLog.of(McpServers.class);
                McpServers mcp = McpServers.connect(Map.of("silent", new McpServerConfig(null, url)),
                        Duration.ofSeconds(1))) {
            assertThat(mcp.tools()).isEmpty();
            assertThat(log.at(Level.WARN)).singleElement().asString().isEqualTo("MCP server 'silent' is left out: it"
                    + " did not answer at " + url + " within 1 s; check that the server runs and the URL is right");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aCallToAServerWhoseProgramDiedSaysSoAtOnce(@TempDir Path folder) throws Exception {
        Path pid = folder.resolve("pid");
        List<String> command = new ArrayList<>(List.of("sh", "-c", "echo $$ > '" + pid + "'; exec \"$0\" \"$@\""));
        command.addAll(FakeMcpServer.command());
        try (McpServers mcp = McpServers.connect(Map.of("fake", new McpServerConfig(command, null)), LONG)) {
            ProcessHandle server = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElseThrow();
            server.destroyForcibly();
            // Not onExit(): on a process this JVM started, it puts the JDK's exit work on the common pool.
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    server.isAlive() && System.nanoTime() < deadline;) {
                Thread.sleep(20);
            }
            Thread.sleep(700); // the exit is noticed after its last output is read
            long start = System.nanoTime();

            String result = mcp.tools().getFirst().execute(ToolExecutionRequest.builder().id("1").name("shout")
                    .arguments("{\"text\": \"hello\"}").build());

            assertThat(result).startsWith("error: the MCP server 'fake' cannot run shout: its program exited with code");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
