package dev.parley.llm;

import java.io.InputStream;

/**
 * The most one MCP message (a JSON-RPC line over stdio, a response body or event over HTTP) may hold.
 * A tool list or a tool result is kilobytes; a few megabytes leave room for big results while a
 * server that sends without end (a stuck loop, {@code cat /dev/zero}) is cut off before it fills memory.
 */
final class McpMessageLimit {

    static final int MAX_BYTES = 4 << 20;

    static final String TOO_LONG = "it sent a message larger than 4 MB, the most Parley reads from an MCP server";

    private McpMessageLimit() {}

    /** {@code in}, failing once a line (a stdio message, an SSE line) grows past the limit. */
    static InputStream lines(InputStream in) {
        return new LineLimitedInputStream(in, MAX_BYTES, TOO_LONG);
    }
}
