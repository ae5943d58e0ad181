package dev.parley.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.parley.Throwables;
import dev.parley.config.McpServerConfig;
import dev.parley.text.ShellWords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The MCP servers of {@code llm.mcp}, connected once, their tools offered next to the built-in
 * ones. A server that cannot be started or listed is left out with a warning: one broken server
 * must not cost the user the model. Parley speaks to them through transports of its own
 * ({@link StdioMcpServer}, {@link HttpMcpServer}), which cap each message at {@link McpMessageLimit}
 * and tell at once when a server's program has exited.
 */
public final class McpServers implements AutoCloseable {

    public static final McpServers NONE = new McpServers(List.of(), List.of(), new AtomicBoolean());

    /**
     * A tool of an MCP server, as the tool loop runs it. {@code serversClosed} is set once Parley has
     * closed the servers (a config change retired them, or Parley is closing) while a reply made with
     * them may still call one.
     */
    record McpTool(ToolSpecification specification, McpClient client, AtomicBoolean serversClosed) {

        String execute(ToolExecutionRequest request) {
            ToolExecutionResult result;
            try {
                result = client.executeTool(request);
            } catch (RuntimeException e) {
                if (serversClosed.get()) { // the client's own words would be "The client is closed"
                    return cannotRun(request, McpServerFailure.CLOSED);
                }
                for (Throwable cause : Throwables.causes(e)) {
                    if (cause instanceof McpServerFailure failure) { // gone: say so, not "failed: <class name>"
                        return cannotRun(request, failure.getMessage());
                    }
                }
                throw e;
            }
            String text = result.resultText() != null ? result.resultText() : String.valueOf(result.result());
            return result.isError() ? "error: " + text : text;
        }

        private String cannotRun(ToolExecutionRequest request, String why) {
            return "error: the MCP server '" + client.key() + "' cannot run " + request.name() + ": " + why;
        }
    }

    private static final Logger LOG = LogManager.getLogger(McpServers.class);
    /** The most servers started at once: enough for any real config, few enough for a laptop. */
    private static final int MAX_STARTING_AT_ONCE = 8;
    /** How much longer than a tool call a server may take to answer the client's ping. */
    private static final Duration PING_MARGIN = Duration.ofSeconds(10);

    /** A connected server: its client, and the transport that holds the process of a local one. */
    private record Connection(McpClient client, McpTransport transport) {}

    private final List<Connection> connections;
    private final List<McpTool> tools;
    private final AtomicBoolean closed;

    private McpServers(List<Connection> connections, List<McpTool> tools, AtomicBoolean closed) {
        this.connections = connections;
        this.tools = tools;
        this.closed = closed;
    }

    /** Connects to every server (at most a few at once) and lists its tools; {@code timeout} bounds each call. */
    public static McpServers connect(Map<String, McpServerConfig> servers, Duration timeout) {
        // A server started by npx may need a while to download before it answers.
        return connect(servers, timeout, timeout.plusSeconds(20));
    }

    static McpServers connect(Map<String, McpServerConfig> servers, Duration timeout, Duration startTimeout) {
        if (servers.isEmpty()) {
            return NONE;
        }
        // In parallel: each server that hangs costs its start timeout, and one after another N of them
        // cost N times that before the first turn. Bounded, as each start may be a program (npx, a JVM).
        AtomicBoolean closed = new AtomicBoolean();
        List<Future<Connected>> starting = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(Math.min(servers.size(), MAX_STARTING_AT_ONCE),
                Thread.ofVirtual().name("mcp-connect-", 0).factory())) {
            new TreeMap<>(servers).forEach((name, server) ->
                    starting.add(executor.submit(() -> connectOne(name, server, timeout, startTimeout, closed))));
        }
        List<Connection> connections = new ArrayList<>();
        List<McpTool> tools = new ArrayList<>();
        for (Future<Connected> future : starting) {
            Connected connected = future.resultNow(); // the executor has closed: every one is done
            if (connected != null) {
                connections.add(connected.connection());
                tools.addAll(connected.tools());
            }
        }
        return new McpServers(List.copyOf(connections), List.copyOf(tools), closed);
    }

    /** A server that answered, with its tools. */
    private record Connected(Connection connection, List<McpTool> tools) {}

    /** Connects one server; null (and a warning) when it is left out. */
    private static Connected connectOne(String name, McpServerConfig server, Duration timeout, Duration startTimeout,
            AtomicBoolean closed) {
        boolean local = !server.command().isEmpty();
        Duration waited = local ? startTimeout : timeout;
        McpTransport transport = null;
        McpClient client = null;
        try {
            transport = local ? new StdioMcpServer(server.command()) : new HttpMcpServer(server.url().strip(), timeout);
            // The client pings each server every 30 s and restarts one that does not answer in time. A
            // server that runs one request at a time answers after its tool call: not before the call's
            // own timeout is up may the ping be taken for a hung server, or a long call is cut off.
            client = DefaultMcpClient.builder().key(name).transport(transport)
                    .initializationTimeout(waited).toolExecutionTimeout(timeout)
                    .pingTimeout(timeout.plus(PING_MARGIN)).build();
            McpClient answering = client;
            List<McpTool> tools = client.listTools().stream()
                    .map(specification -> new McpTool(specification, answering, closed)).toList();
            LOG.info("MCP server '{}' offers {} tools", name, tools.size());
            return new Connected(new Connection(client, transport), tools);
        } catch (RuntimeException e) {
            LOG.warn("MCP server '{}' is left out: {}", PrintableText.of(name, 64), whyLeftOut(e, server, waited));
            // A server that hangs at start has a process all the same (building the client started it).
            end(new Connection(client, transport));
            return null;
        }
    }

    /** The client's failure in words that fit the server: its program, or its URL. */
    private static String whyLeftOut(RuntimeException e, McpServerConfig server, Duration waited) {
        String command = server.command().isEmpty() ? null : shown(server.command());
        for (Throwable cause : Throwables.causes(e)) {
            if (cause instanceof McpServerFailure failure) {
                return failure.exited() ? failure.getMessage() + " before speaking MCP; run `" + command
                        + "` yourself to see why" : failure.getMessage();
            }
            if (cause instanceof TimeoutException) {
                return command != null
                        ? "its program did not answer within " + waited.toSeconds() + " s (it hangs before speaking"
                                + " MCP); run `" + command + "` yourself to see why"
                        : "it did not answer at " + PrintableText.of(server.url().strip(), 200) + " within "
                                + waited.toSeconds() + " s; check that the server runs and the URL is right";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : PrintableText.of(e.getMessage(), 500);
    }

    /** The command as one would type it into a shell. */
    private static String shown(List<String> command) {
        return PrintableText.of(ShellWords.command(command), 500);
    }

    List<McpTool> tools() {
        return tools;
    }

    /** Closes every server at once: each may take its programs' grace period to end. */
    @Override
    public void close() {
        closed.set(true);
        try (ExecutorService closing = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("mcp-close-", 0)
                .factory())) {
            connections.forEach(connection -> closing.execute(() -> end(connection)));
        }
    }

    /**
     * Closes the client (or, when it was never built, the transport); the client closes its transport,
     * and a local server's transport ends the server's processes.
     */
    private static void end(Connection connection) {
        try {
            if (connection.client() != null) {
                connection.client().close();
            } else if (connection.transport() != null) {
                connection.transport().close();
            }
        } catch (Exception e) {
            LOG.debug("Closing an MCP connection failed", e);
        }
    }
}
