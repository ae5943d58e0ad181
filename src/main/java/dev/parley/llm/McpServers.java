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
import java.util.concurrent.TimeoutException;
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

    /** A connected server: its client, and the transport that holds the process of a local one. */
    private record Connection(McpClient client, McpTransport transport) {}

    private final List<Connection> connections;
    private final List<McpTool> tools;

    private McpServers(List<Connection> connections, List<McpTool> tools) {
        this.connections = connections;
        this.tools = tools;
    }

    /** Connects to every server (in name order) and lists its tools; {@code timeout} bounds each call. */
    public static McpServers connect(Map<String, McpServerConfig> servers, Duration timeout) {
        // A server started by npx may need a while to download before it answers.
        return connect(servers, timeout, timeout.plusSeconds(20));
    }

    static McpServers connect(Map<String, McpServerConfig> servers, Duration timeout, Duration startTimeout) {
        List<Connection> connections = new ArrayList<>();
        List<McpTool> tools = new ArrayList<>();
        new TreeMap<>(servers).forEach((name, server) -> {
            McpTransport transport = null;
            McpClient client = null;
            try {
                transport = transport(server, timeout);
                client = DefaultMcpClient.builder().key(name).transport(transport)
                        .initializationTimeout(startTimeout).toolExecutionTimeout(timeout).build();
                List<ToolSpecification> offered = client.listTools();
                for (ToolSpecification specification : offered) {
                    tools.add(new McpTool(specification, client));
                }
                connections.add(new Connection(client, transport));
                LOG.info("MCP server '{}' offers {} tools", name, offered.size());
            } catch (RuntimeException e) {
                LOG.warn("MCP server '{}' is left out: {}", name, whyLeftOut(e, startTimeout));
                // A server that hangs at start has a process all the same (building the client started it).
                end(new Connection(client, transport));
            }
        });
        return new McpServers(List.copyOf(connections), List.copyOf(tools));
    }

    /** The client's failure in words: a server that never answered (or exited) surfaces as a bare timeout. */
    private static String whyLeftOut(RuntimeException e, Duration startTimeout) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return "it did not answer within " + startTimeout.toSeconds() + " s (a program that exited, or"
                        + " hangs before speaking MCP; run its command yourself to see)";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
        connections.forEach(McpServers::end);
    }

    /** Closes the client (or, when it was never built, the transport) and ends a local server's processes. */
    private static void end(Connection connection) {
        List<ProcessHandle> processes = connection.transport() instanceof StdioMcpTransport stdio
                && stdio.getProcess() != null ? ProcessTrees.of(stdio.getProcess()) : List.of();
        try {
            if (connection.client() != null) {
                connection.client().close();
            } else if (connection.transport() != null) {
                connection.transport().close();
            }
        } catch (Exception e) {
            LOG.debug("Closing an MCP connection failed", e);
        }
        ProcessTrees.end(processes);
    }
}
