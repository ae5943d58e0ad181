package dev.parley.config;

import java.util.List;

/**
 * {@code llm.mcp.NAME}: an MCP server whose tools the model may call next to the built-in ones,
 * started as a local process ({@code command}, spoken to over stdio) or reached at a streamable
 * HTTP {@code url}. Exactly one of the two.
 */
public record McpServerConfig(List<String> command, String url) {

    public McpServerConfig {
        command = ConfigEntries.list(command, "command", "the program and its arguments, like [npx, server-name]");
    }
}
