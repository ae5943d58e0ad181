package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.mcp.client.McpCallContext;
import dev.langchain4j.mcp.client.transport.McpOperationHandler;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.protocol.McpClientMessage;
import dev.langchain4j.mcp.protocol.McpInitializationNotification;
import dev.langchain4j.mcp.protocol.McpInitializeRequest;
import dev.langchain4j.mcp.protocol.McpJsonRpcMessage;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * An MCP server that is a local program, spoken to over its stdin and stdout, one JSON-RPC message a
 * line. It replaces LangChain4j's {@code StdioMcpTransport}, whose builder offers no way to wrap the
 * process streams, for two reasons: that transport reads lines (and stderr) without limit, so a program
 * printing without a newline filled memory; and it fails only the requests waiting when the program
 * exits, so a request sent to a program already gone (a server that exits at once, one that died
 * mid-session) waited out its whole timeout. Here a line is capped at {@link McpMessageLimit}, and once
 * the program has exited every request fails at once with {@link McpServerFailure} saying so.
 */
final class StdioMcpServer implements McpTransport {

    private static final Logger LOG = LogManager.getLogger(StdioMcpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough of a stderr line to say why a program exited; the rest of a longer line is skipped. */
    private static final int KEPT_ERROR_LINE_BYTES = 300;
    /** Longer than any client timeout (a tool call's, a start's with its download): a request's upper bound. */
    private static final Duration WAIT_LIMIT = Duration.ofMinutes(10);

    /**
     * The transports whose programs may run. A program started with setsid or in the background does
     * not end with the JVM: a Ctrl+C in chat, or a SIGTERM while servers were still starting, left
     * them running under init. One hook for all, registered before the first program starts.
     */
    private static final Set<StdioMcpServer> RUNNING = ConcurrentHashMap.newKeySet();
    /** Set first by the exit hook: a transport that starts later (servers connect 8 at a time) starts nothing. */
    private static volatile boolean exiting;

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(StdioMcpServer::endAllAtExit, "parley-mcp-exit"));
        } catch (IllegalStateException jvmEnding) {
            // the JVM is ending already; so does any program this class could start
        }
    }

    private final List<String> command;
    /** This transport's requests still waiting for an answer, failed together when the program goes. */
    private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private volatile Process process;
    private volatile Writer stdin;
    /** Why requests fail now; null while the program runs. */
    private volatile String failure;
    private volatile boolean exited;
    /** Set by {@link #close} and at the JVM's exit: no program starts after it. */
    private boolean closed;
    private final Object writing = new Object();
    private volatile String lastErrorLine = "";

    StdioMcpServer(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** Starts the program; called again by the client to reconnect after a failed health check. */
    @Override
    public synchronized void start(McpOperationHandler handler) {
        if (closed) {
            // The client's health check may restart a program while Parley closes: none may outlive it.
            throw new McpServerFailure(McpServerFailure.CLOSED);
        }
        if (process != null) {
            Process old = process;
            fail(old, "its program was restarted", false); // its requests end now, not at their timeouts
            ProcessTrees.end(ProcessTrees.of(old));
        }
        RUNNING.add(this); // before the check: the exit hook then sees this transport, or it sees the hook
        if (exiting) {
            closed = true;
            throw new McpServerFailure(McpServerFailure.CLOSED);
        }
        Process started;
        try {
            started = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new McpServerFailure("its program cannot start: " + e.getMessage());
        }
        synchronized (waiting) {
            process = started; // before the reason is cleared: the old program's exit handler sees it is old
            failure = null;
            exited = false;
        }
        lastErrorLine = "";
        stdin = new BufferedWriter(new OutputStreamWriter(started.getOutputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().name("mcp-stdout-" + started.pid()).start(() -> readMessages(started, handler));
        Thread errors = Thread.ofVirtual().name("mcp-stderr-" + started.pid()).start(() -> readErrors(started));
        // Not Process.onExit(): its stage runs on the common pool, which can then take over the JDK's own
        // exit work for the process, and that work waits for the pipe readers to let go. When a child the
        // program left behind keeps its output open, it waits for that child, and the pool (one worker on
        // two cores) stalled everything else that used it.
        Thread.ofVirtual().name("mcp-exit-" + started.pid()).start(() -> watch(started, errors));
    }

    /**
     * Waits for the program to exit, then fails its requests with the reason and ends the children it
     * left. Those are no longer found from it once it has gone, so its tree is looked at while it runs:
     * at the start, when programs start their children, often, then every 30 s (a look reads every
     * process's parent, ~1-5 ms). A child left running holds the program's pipes, and with them a
     * reader thread of ours and a JDK thread, until it ends.
     */
    private void watch(Process program, Thread errors) {
        List<ProcessHandle> tree = ProcessTrees.of(program);
        try {
            for (long wait = 50; !program.waitFor(wait, TimeUnit.MILLISECONDS); wait = Math.min(2 * wait, 30_000)) {
                List<ProcessHandle> now = ProcessTrees.of(program);
                if (program.isAlive()) { // else its children had already left the tree when it was looked at
                    tree = now;
                }
            }
            errors.join(Duration.ofMillis(500)); // its last words, often the reason it exited
        } catch (InterruptedException e) {
            return; // not expected: nothing interrupts this thread
        }
        String said = lastErrorLine.isEmpty() ? "" : " (its last output: " + lastErrorLine + ")";
        fail(program, "its program exited with code " + program.exitValue() + said, true);
        ProcessTrees.end(tree.stream().filter(ProcessHandle::isAlive).toList());
    }

    @Override
    public CompletableFuture<JsonNode> initialize(McpInitializeRequest request) {
        return send(request, true)
                .thenCompose(answer -> send(new McpInitializationNotification(), false).thenApply(none -> answer));
    }

    @Override
    public CompletableFuture<JsonNode> executeOperationWithResponse(McpClientMessage message) {
        return send(message, true);
    }

    @Override
    public CompletableFuture<JsonNode> executeOperationWithResponse(McpCallContext context) {
        return send(context.message(), true);
    }

    @Override
    public void executeOperationWithoutResponse(McpClientMessage message) {
        send(message, false);
    }

    @Override
    public void executeOperationWithoutResponse(McpCallContext context) {
        send(context.message(), false);
    }

    /**
     * Sends a message; the future completes with the answer, or null once written when none is
     * awaited: a notification, or the client's reply to the server's own request (a ping, roots/list),
     * which carries the server's id and must not be taken for one of Parley's requests.
     */
    private CompletableFuture<JsonNode> send(McpJsonRpcMessage message, boolean answerAwaited) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        Long id = answerAwaited ? message.getId() : null;
        if (id != null) {
            waiting.put(id, future);
            // The client gives up at its own timeout; the entry must not outlive it.
            future.orTimeout(WAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            future.whenComplete((answer, error) -> waiting.remove(id, future));
        }
        // Registered before this check, and fail() sets the reason before it fails the waiting:
        // a program that exits meanwhile fails this request one way or the other.
        if (failure != null) {
            future.completeExceptionally(failure());
            return future;
        }
        try {
            String line = JSON.writeValueAsString(message);
            synchronized (writing) { // not this: a write blocked on a full pipe must not hold up close()
                stdin.write(line);
                stdin.write('\n');
                stdin.flush();
            }
            if (id == null) {
                future.complete(null);
            }
        } catch (IOException e) {
            cannotWrite(future, e);
        }
        return future;
    }

    /**
     * A write fails (broken pipe) mostly because the program is exiting: then the reason it exited is
     * the one to tell, which its exit handler gives the waiting request a moment later.
     */
    private void cannotWrite(CompletableFuture<JsonNode> future, IOException e) {
        Process program = process;
        try {
            if (program.waitFor(1, TimeUnit.SECONDS) && failure == null && waiting.containsValue(future)) {
                return; // the exit handler, running now, fails it with the exit code
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        future.completeExceptionally(failure != null ? failure()
                : new McpServerFailure("its program does not read what Parley sends: " + e.getMessage()));
    }

    private void readMessages(Process program, McpOperationHandler handler) {
        // Not closed when reading ends: the JDK closes it when the program exits, and closing it while the
        // program still writes would end the writer with SIGPIPE, letting a shell go on to its next command
        // before the tree below is ended.
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                McpMessageLimit.lines(program.getInputStream()), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    handle(line, handler);
                }
            }
        } catch (IOException e) {
            if (McpMessageLimit.TOO_LONG.equals(e.getMessage())) {
                // Out of the protocol for good: nothing after such a line can be trusted to be a message.
                fail(program, McpMessageLimit.TOO_LONG, false);
                ProcessTrees.end(ProcessTrees.of(program));
            } // else the stream was closed: the transport is closing or the program has gone.
        }
    }

    private void handle(String line, McpOperationHandler handler) {
        JsonNode message;
        try {
            message = JSON.readTree(line);
        } catch (JsonProcessingException notJson) {
            LOG.debug("Ignored a line from MCP program {} that is not JSON: {}", command.getFirst(),
                    PrintableText.of(line, 200));
            return;
        }
        if (message.has("id") && (message.has("result") || message.has("error"))) {
            CompletableFuture<JsonNode> request = waiting.remove(message.get("id").asLong());
            if (request != null) {
                request.complete(message);
                return;
            }
        }
        try {
            handler.handle(message); // a request or notification of the server's own
        } catch (RuntimeException e) {
            LOG.debug("Ignored a message from MCP program {}", command.getFirst(), e);
        }
    }

    /** Reads stderr to its end (a full pipe would stall the program), keeping the start of the last line. */
    private void readErrors(Process program) {
        try (InputStream errors = program.getErrorStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int read; (read = errors.read(buffer)) > 0;) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        keepErrorLine(line);
                    } else if (line.size() < KEPT_ERROR_LINE_BYTES) {
                        line.write(buffer[i]);
                    }
                }
            }
            keepErrorLine(line);
        } catch (IOException closed) {
            // the program has gone or the transport is closing
        }
    }

    private void keepErrorLine(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (!text.isEmpty()) {
            lastErrorLine = PrintableText.of(text, KEPT_ERROR_LINE_BYTES);
            LOG.debug("MCP program {} said: {}", command.getFirst(), lastErrorLine);
        }
    }

    /** Fails every waiting request of {@code program} (when it is still this transport's) with {@code why}. */
    private void fail(Process program, String why, boolean programExited) {
        synchronized (waiting) {
            if (program != process) {
                return;
            }
            if (failure == null) {
                exited = programExited;
                failure = why; // the first reason stays: a program cut off for a long line then exits
            }
        }
        for (CompletableFuture<JsonNode> request : waiting.values()) {
            request.completeExceptionally(failure());
        }
    }

    private McpServerFailure failure() {
        return new McpServerFailure(failure, exited);
    }

    @Override
    public void checkHealth() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the MCP program is not running");
        }
    }

    @Override
    public void onFailure(Runnable actionOnFailure) {
        // The client's health check restarts a program that is gone; nothing else to do here.
    }

    @Override
    public void close() {
        Process program;
        synchronized (this) {
            closed = true;
            program = process;
        }
        if (program == null) {
            return;
        }
        List<ProcessHandle> tree = ProcessTrees.of(program); // before it ends: its children then leave the tree
        fail(program, McpServerFailure.CLOSED, false);
        // A well-behaved server exits at the end of its input. Closed on a thread of its own: a send blocked
        // on a full pipe holds the stream's lock, which the close needs, until the program below has ended.
        Thread.ofVirtual().name("mcp-stdin-close").start(() -> {
            try {
                program.getOutputStream().close();
            } catch (IOException ignored) {
                // it has gone already
            }
        });
        ProcessTrees.end(tree);
        RUNNING.remove(this); // only now: an exit under way still ends the tree
    }

    /**
     * At the JVM's exit: first no program may start any more (the client's health check restarts one
     * it finds gone, and would while the trees end), then every program's tree ends at once.
     */
    private static void endAllAtExit() {
        exiting = true;
        List<ProcessHandle> trees = new ArrayList<>();
        RUNNING.forEach(server -> trees.addAll(server.closeForExit()));
        ProcessTrees.end(trees);
    }

    /** Refuses any later start; the running program's processes, for the caller to end. */
    synchronized List<ProcessHandle> closeForExit() {
        closed = true;
        return process != null ? ProcessTrees.of(process) : List.of();
    }
}
