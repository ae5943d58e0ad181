package dev.parley;

import dev.parley.config.LlmConfig;
import dev.parley.config.ToolsConfig;
import dev.parley.image.ImagePreparer;
import dev.parley.image.ScreenCapture;
import dev.parley.llm.McpServerGenerations;
import dev.parley.llm.McpServers;
import dev.parley.llm.ToolRunner;
import dev.parley.tools.BuiltInTools;
import dev.parley.tools.Memory;
import dev.parley.tools.PendingTimers;
import dev.parley.tools.TimerAnnouncer;
import dev.parley.tools.Timers;
import dev.parley.tools.ToolConfirmer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The tools a model is offered, for {@link Components}: the built-ins, the timers (kept in a file so
 * they outlive the process) and the MCP servers, and how they reach the user (who hears a finished
 * timer, who is asked before a tool runs).
 */
final class ToolParts implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(ToolParts.class);

    private final Path timersFile;
    /** The facts of the {@code remember} tool, shared with the system prompt's {@code {memories}}. */
    private final Memory memory;
    private final Supplier<ImagePreparer> images;
    private TimerAnnouncer timerAnnouncer = timer -> LOG.info("Timer '{}' is done", timer.label());
    /** The assistants made, told of every finished timer (their event stream, their voice). */
    private final List<TimerAnnouncer> assistantTimers = new CopyOnWriteArrayList<>();
    private ToolConfirmer toolConfirmer = ToolConfirmer.DENY;
    private Timers timers;
    /** Started on first use of tools, anew when a saved config changes {@code llm.mcp}. */
    private final McpServerGenerations mcpServers = new McpServerGenerations();

    ToolParts(Path timersFile, Memory memory, Supplier<ImagePreparer> images) {
        this.timersFile = timersFile;
        this.memory = memory;
        this.images = images;
    }

    /** See {@link Components#useToolCallbacks}. */
    synchronized void useCallbacks(TimerAnnouncer announcer, ToolConfirmer confirmer) {
        this.timerAnnouncer = announcer;
        this.toolConfirmer = confirmer;
    }

    /** Tells {@code assistant} of every timer that finishes from now on. */
    void tellOfTimers(TimerAnnouncer assistant) {
        assistantTimers.add(assistant);
    }

    /** The tools of {@code llm} (whose tools are on) for a model made now; may start the MCP servers. */
    ToolRunner runner(LlmConfig llm) {
        ToolsConfig tools = llm.tools();
        // Outside this object's lock: a start of the MCP servers may take their whole start timeout, and
        // close() must not wait for it.
        McpServers mcp = mcpServers.serversFor(llm.mcp(), Duration.ofSeconds(tools.timeoutSeconds()));
        synchronized (this) {
            return new ToolRunner(BuiltInTools.create(Clock.systemDefaultZone(), memory,
                    timerAnnouncer == TimerAnnouncer.NOBODY ? Optional.empty() : Optional.of(timers()),
                    () -> images.get().prepare(ScreenCapture.wholeScreen(), "the screenshot")), mcp, tools,
                    toolConfirmer);
        }
    }

    /** A model made with the servers in use answers now: the servers of earlier configs end. */
    void closeRetiredServers() {
        mcpServers.closeRetired();
    }

    /** See {@link Components#resumeTimers}. */
    void resumeTimers() {
        timers().resume();
    }

    /** The timers, kept in their file until told, so they outlive the process. */
    private synchronized Timers timers() {
        if (timers == null) {
            // Announced through the field, so callbacks set later still reach the user.
            timers = new Timers(timer -> {
                currentAnnouncer().timerDone(timer);
                assistantTimers.forEach(assistant -> assistant.timerDone(timer));
            }, Clock.systemDefaultZone(), new PendingTimers(timersFile));
        }
        return timers;
    }

    private synchronized TimerAnnouncer currentAnnouncer() {
        return timerAnnouncer;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (timers != null) {
                timers.close();
            }
        }
        mcpServers.close(); // does not wait for servers a turn is still starting: they end once started
    }
}
