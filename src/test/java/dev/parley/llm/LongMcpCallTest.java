package dev.parley.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.parley.config.McpServerConfig;
import dev.parley.testing.FakeMcpServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A tool call longer than the client's health-check interval (30 s) on a server that runs one request
 * at a time: the check's ping waits behind the call, and must not be taken for a hung server.
 */
@Tag("slow") // a 45 s call
class LongMcpCallTest {

    @Test
    void aLongCallIsNotCutOffByTheHealthCheck() {
        try (McpServers mcp = McpServers.connect(Map.of("slow", new McpServerConfig(
                FakeMcpServer.command(FakeMcpServer.SLOW_CALLS), null)), Duration.ofSeconds(60))) {
            String result = mcp.tools().getFirst().execute(ToolExecutionRequest.builder().id("1").name("shout")
                    .arguments("{\"text\": \"done\"}").build());

            assertThat(result).isEqualTo("DONE"); // with a 10 s ping: "... its program was restarted"
        }
    }
}
