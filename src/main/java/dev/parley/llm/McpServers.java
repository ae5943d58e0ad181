package dev.parley.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.parley.config.McpServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The MCP servers of {@code llm.mcp}, connected once, their tools offered next to the built-in
 * ones. A server that cannot be started or listed is left out with a warning: one broken server
 * must not cost the user the model.
 */
public final class McpServers implements AutoCloseable {

    public static final McpServers NONE = new McpServers(List.of(), List.of());

    /** A tool of an MCP server, as the tool loop runs it. */
    record McpTool(ToolSpecification specification, McpClient client) {

        String execute(ToolExecutionRequest request) {
            ToolExecutionResult result = client.executeTool(request);
            String text = result.resultText() != null ? result.resultText() : String.valueOf(result.result());
            return result.isError() ? "error: " + text : text;
        }
    }

    private static final Logger LOG = LogManager.getLogger(McpServers.class);

    private final List<McpClient> clients;
    private final List<McpTool> tools;

    private McpServers(List<McpClient> clients, List<McpTool> tools) {
        this.clients = clients;
        this.tools = tools;
    }

    /** Connects to every server (in name order) and lists its tools; {@code timeout} bounds each call. */
    public static McpServers connect(Map<String, McpServerConfig> servers, Duration timeout) {
        List<McpClient> clients = new ArrayList<>();
        List<McpTool> tools = new ArrayList<>();
        new TreeMap<>(servers).forEach((name, server) -> {
            McpClient client = null;
            try {
                client = DefaultMcpClient.builder().key(name).transport(transport(server, timeout))
                        .initializationTimeout(timeout.plusSeconds(20)) // a server started by npx may need a while
                        .toolExecutionTimeout(timeout).build();
                for (ToolSpecification specification : client.listTools()) {
                    tools.add(new McpTool(specification, client));
                }
                clients.add(client);
                LOG.info("MCP server '{}' offers {} tools", name, tools.stream().filter(tool -> tool.client() == clients.getLast()).count());
            } catch (RuntimeException e) {
                LOG.warn("MCP server '{}' is left out: {}", name, e.getMessage());
                closeQuietly(client);
            }
        });
        return new McpServers(List.copyOf(clients), List.copyOf(tools));
    }

    private static McpTransport transport(McpServerConfig server, Duration timeout) {
        if (!server.command().isEmpty()) {
            return StdioMcpTransport.builder().command(server.command()).build();
        }
        return StreamableHttpMcpTransport.builder().url(server.url().strip()).timeout(timeout).build();
    }

    List<McpTool> tools() {
        return tools;
    }

    @Override
    public void close() {
        clients.forEach(McpServers::closeQuietly);
    }

    private static void closeQuietly(McpClient client) {
        if (client == null) {
            return;
        }
        try {
            client.close();
        } catch (Exception e) {
            LOG.debug("Closing MCP client {} failed", client.key(), e);
        }
    }
}
