package dev.parley.llm;

import dev.parley.config.McpServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A Parley process for McpServersAtExitTest: connects one local server, says so, and never closes it. */
public final class HoldMcpServers {

    private HoldMcpServers() {}

    public static void main(String[] args) throws Exception {
        McpServers servers = McpServers.connect(Map.of("fake", new McpServerConfig(List.of(args), null)),
                Duration.ofSeconds(20));
        System.out.println("connected " + servers.tools().size());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5)); // until the test ends this process with a signal
    }
}
