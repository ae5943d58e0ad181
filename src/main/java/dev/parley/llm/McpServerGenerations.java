package dev.parley.llm;

import dev.parley.config.McpServerConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The MCP servers of the {@code llm.mcp} in use, started once per value of it: a config saved with
 * other servers starts those for the models made afterwards, and the earlier ones (a stdio server is
 * a process Parley started) end once such a model answers ({@link #closeRetired}). Until then the
 * model made before the save, which may still answer, keeps its servers.
 */
public final class McpServerGenerations implements AutoCloseable {

    /** Set and read under no lock: a start holds this object's lock, and closing must not wait for it. */
    private final AtomicReference<McpServers> current = new AtomicReference<>();
    private final Queue<McpServers> retired = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    private Map<String, McpServerConfig> startedFrom;

    /** The servers of {@code wanted}: those running when it is what they were started from, else new ones. */
    public synchronized McpServers serversFor(Map<String, McpServerConfig> wanted, Duration timeout) {
        McpServers running = current.get();
        if (running != null && wanted.equals(startedFrom)) {
            return running;
        }
        if (running != null) {
            retired.add(running);
        }
        startedFrom = wanted;
        McpServers started = McpServers.connect(wanted, timeout);
        current.set(started);
        if (closed) {
            close(); // Parley closed while they started: they end now, not at its exit
        }
        return started;
    }

    /**
     * A model made with the servers in use answers now: the earlier servers end (a tool call still
     * running on one, in a reply already under way, then fails and the model is told).
     */
    public void closeRetired() {
        for (McpServers ending; (ending = retired.poll()) != null;) {
            ending.close();
        }
    }

    /** Ends every server without waiting for a start under way: servers still starting end once started. */
    @Override
    public void close() {
        closed = true;
        closeRetired();
        McpServers last = current.getAndSet(null);
        if (last != null) {
            last.close();
        }
    }
}
