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
}
