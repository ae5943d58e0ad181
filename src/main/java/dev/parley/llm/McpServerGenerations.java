package dev.parley.llm;

import dev.parley.config.McpServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The MCP servers of the {@code llm.mcp} in use, started once per value of it: a config saved with
 * other servers starts those for the models made afterwards, and the earlier ones (a stdio server is
 * a process Parley started) end once such a model answers ({@link #closeRetired}). Until then the
 * model made before the save, which may still answer, keeps its servers.
 */
public final class McpServerGenerations implements AutoCloseable {

    private McpServers current;
    private Map<String, McpServerConfig> startedFrom;
    private final List<McpServers> retired = new ArrayList<>();

    /** The servers of {@code wanted}: those running when it is what they were started from, else new ones. */
    public synchronized McpServers serversFor(Map<String, McpServerConfig> wanted, Duration timeout) {
        if (current == null || !wanted.equals(startedFrom)) {
            if (current != null) {
                retired.add(current);
            }
            startedFrom = wanted;
            current = McpServers.connect(wanted, timeout);
        }
        return current;
    }

    /**
     * A model made with the servers in use answers now: the earlier servers end (a tool call still
     * running on one, in a reply already under way, then fails and the model is told).
     */
    public void closeRetired() {
        List<McpServers> ending;
        synchronized (this) {
            ending = List.copyOf(retired);
            retired.clear();
        }
        ending.forEach(McpServers::close);
    }

    @Override
    public void close() {
        closeRetired();
        McpServers last;
        synchronized (this) {
            last = current;
            current = null;
        }
        if (last != null) {
            last.close();
        }
    }
}
