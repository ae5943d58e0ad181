package dev.parley.llm;

/**
 * Why an MCP server cannot answer: its program exited, or it sent more than one message may hold.
 * Thrown by Parley's own transports so the sentence the user sees names the real cause at once,
 * not a timeout waited out in vain.
 */
final class McpServerFailure extends RuntimeException {

    /** Why a request fails once Parley has closed the connection: the same words for every transport. */
    static final String CLOSED = "Parley closed its connection to the server";

    /** True when the server's program has exited: then running it by hand shows why. */
    private final boolean exited;

    McpServerFailure(String message) {
        this(message, false);
    }

    McpServerFailure(String message, boolean exited) {
        super(message, null, false, false);
        this.exited = exited;
    }

    boolean exited() {
        return exited;
    }
}
