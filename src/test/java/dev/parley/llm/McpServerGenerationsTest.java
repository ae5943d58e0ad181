package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.McpServerConfig;
import dev.parley.testing.FakeMcpServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MCP servers (real child processes over stdio) started again when a saved config changes llm.mcp. */
class McpServerGenerationsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Map<String, McpServerConfig> ONE = Map.of("one", new McpServerConfig(FakeMcpServer.command(), null));
    private static final Map<String, McpServerConfig> TWO = Map.of("two", new McpServerConfig(FakeMcpServer.command(), null));

    /** The fake servers running: this test JVM starts no other process (the full command line is not readable). */
    private static long runningServers() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count();
    }

    private static long runningServersAfterExits(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (runningServers() > expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return runningServers();
    }

    @Test
    void theSameServersServeEveryModelUntilLlmMcpChanges() {
        try (McpServerGenerations servers = new McpServerGenerations()) {
            McpServers first = servers.serversFor(ONE, TIMEOUT);

            assertThat(servers.serversFor(Map.copyOf(ONE), TIMEOUT)).isSameAs(first);
            assertThat(runningServers()).isEqualTo(1);
        }
    }

    @Test
    void anotherLlmMcpStartsItsServersAndTheOldOnesEndOnceANewModelAnswers() throws Exception {
        try (McpServerGenerations servers = new McpServerGenerations()) {
            servers.serversFor(ONE, TIMEOUT);

            McpServers saved = servers.serversFor(TWO, TIMEOUT);

            assertThat(saved.tools()).extracting(tool -> tool.specification().name()).containsExactly("shout");
            assertThat(runningServers()).as("the model made before the save may still answer").isEqualTo(2);
            servers.closeRetired();
            assertThat(runningServersAfterExits(1)).isEqualTo(1);
        }
        assertThat(runningServersAfterExits(0)).isZero();
    }

    @Test
    void closingDoesNotWaitForServersStillStartingWhichEndOnceStarted() throws Exception {
        var silent = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/mcp", exchange -> { }); // never answers: the start takes the whole timeout
        silent.start();
        var wanted = Map.of("local", new McpServerConfig(FakeMcpServer.command(), null), "remote",
                new McpServerConfig(null, "http://127.0.0.1:" + silent.getAddress().getPort() + "/mcp"));
        McpServerGenerations servers = new McpServerGenerations();
        try {
            var starting = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> servers.serversFor(wanted, Duration.ofSeconds(4)), runnable -> Thread.ofVirtual().start(runnable));
            Thread.sleep(300);

            long start = System.nanoTime();
            servers.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(starting).succeedsWithin(Duration.ofSeconds(10));
            assertThat(runningServersAfterExits(0)).as("the local server, started after the close").isZero();
        } finally {
            silent.stop(0);
        }
    }
}
