package dev.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A minimal MCP server over stdio (JSON-RPC, one message per line), run as a child process by the
 * tests (or, with {@link #startHttp}, over streamable HTTP): one tool, {@code shout(text)}, which answers the text in upper case.
 */
public final class FakeMcpServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeMcpServer() {}

    /** The argument that makes the server also offer tools whose names no provider accepts. */
    public static final String HOSTILE_NAMES = "hostile-names";

    /**
     * The argument that makes the server ask the client a ping of its own, with the id of the client's
     * tools/list, before answering it (servers number their requests from 0 too).
     */
    public static final String PINGS_FIRST = "pings-first";

    /** The argument that makes the (stdio) server answer each tools/call after {@link #SLOW_CALL}, one request at a time. */
    public static final String SLOW_CALLS = "slow-calls";
    public static final java.time.Duration SLOW_CALL = java.time.Duration.ofSeconds(45);

    private static boolean hostileNames;
    /** The tools/call requests the HTTP endpoints of this JVM have received, so a test knows one is under way. */
    private static final java.util.concurrent.atomic.AtomicInteger HTTP_CALLS = new java.util.concurrent.atomic.AtomicInteger();
    private static volatile boolean pingsFirst;

    /** The command line that starts this server with the test class path (and {@code arguments}). */
    public static List<String> command(String... arguments) {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                FakeMcpServer.class.getName()));
        command.addAll(List.of(arguments));
        return List.copyOf(command);
    }

    public static void main(String[] args) throws IOException {
        hostileNames = List.of(args).contains(HOSTILE_NAMES);
        pingsFirst = List.of(args).contains(PINGS_FIRST);
        boolean slowCalls = List.of(args).contains(SLOW_CALLS);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            pingFirst(line).ifPresent(out::println);
            if (slowCalls && line.contains("\"tools/call\"")) {
                try {
                    Thread.sleep(SLOW_CALL); // and nothing else is read meanwhile, a ping included
                } catch (InterruptedException e) {
                    return;
                }
            }
            String reply = answer(line);
            if (reply != null) {
                out.println(reply);
            }
        }
    }

    /** A streamable HTTP MCP endpoint on 127.0.0.1 with the same tool, at {@code /mcp}. */
    public static com.sun.net.httpserver.HttpServer startHttp() throws IOException {
        return startHttp(false);
    }

    /** As {@link #startHttp()}; with {@code pings}, tools/list is answered as events: a ping with its id, then the list. */
    public static com.sun.net.httpserver.HttpServer startHttp(boolean pings) throws IOException {
        return startHttp(pings, java.time.Duration.ZERO);
    }

    /** As {@link #startHttp(boolean)}, each tools/call answered after {@code callTime}. */
    public static com.sun.net.httpserver.HttpServer startHttp(boolean pings, java.time.Duration callTime)
            throws IOException {
        var server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mcp", exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1); // no server-initiated stream
                exchange.close();
                return;
            }
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (request.contains("\"tools/call\"")) {
                HTTP_CALLS.incrementAndGet();
                try {
                    Thread.sleep(callTime);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String reply = answer(request);
            java.util.Optional<String> ping = pings ? pingFirstFor(request) : java.util.Optional.empty();
            if (reply != null && ping.isPresent()) {
                byte[] events = ("data: " + ping.get() + "\n\ndata: " + reply + "\n\n").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.getResponseHeaders().add("Mcp-Session-Id", "fake-session");
                exchange.sendResponseHeaders(200, events.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(events);
                }
                return;
            }
            if (reply == null) {
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
                return;
            }
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Mcp-Session-Id", "fake-session");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // Handlers on threads of their own: a slow call holds up neither other requests nor stop().
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    /** How many tools/call requests the HTTP endpoints of this JVM have received. */
    public static int httpCallsReceived() {
        return HTTP_CALLS.get();
    }

    /** In {@link #PINGS_FIRST} mode, the server's own ping to send before answering {@code line}. */
    private static java.util.Optional<String> pingFirst(String line) throws IOException {
        return pingsFirst ? pingFirstFor(line) : java.util.Optional.empty();
    }

    private static java.util.Optional<String> pingFirstFor(String line) throws IOException {
        JsonNode message = line.isBlank() ? JSON.createObjectNode() : JSON.readTree(line);
        if (!"tools/list".equals(message.path("method").asText())) {
            return java.util.Optional.empty();
        }
        ObjectNode ping = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "ping");
        ping.set("id", message.get("id"));
        return java.util.Optional.of(ping.toString());
    }

    /** The reply to one JSON-RPC message, or null for a notification or the client's reply to a ping. */
    static String answer(String line) throws IOException {
        if (line.isBlank()) {
            return null;
        }
        JsonNode message = JSON.readTree(line);
        if (!message.has("id") || message.has("result") || message.has("error")) {
            return null; // a notification (notifications/initialized), or the client's answer to our ping
        }
        ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0");
        reply.set("id", message.get("id"));
        ObjectNode result = reply.putObject("result");
        switch (message.path("method").asText()) {
            case "initialize" -> {
                result.put("protocolVersion", message.path("params").path("protocolVersion").asText("2025-06-18"));
                result.putObject("capabilities").putObject("tools");
                result.putObject("serverInfo").put("name", "fake").put("version", "1");
            }
            case "tools/list" -> {
                ObjectNode tool = result.putArray("tools").addObject().put("name", "shout")
                        .put("description", "Repeats the text in upper case.");
                ObjectNode schema = tool.putObject("inputSchema").put("type", "object");
                schema.putObject("properties").putObject("text").put("type", "string");
                schema.putArray("required").add("text");
                if (hostileNames) {
                    var tools = (com.fasterxml.jackson.databind.node.ArrayNode) result.get("tools");
                    tools.addObject().put("name", "has space\n\u202e").put("description", "d")
                            .putObject("inputSchema").put("type", "object");
                    tools.addObject().put("name", "n".repeat(5_000)).put("description", "d".repeat(200_000))
                            .putObject("inputSchema").put("type", "object");
                    tools.addObject().put("name", "wordy").put("description", "w".repeat(200_000))
                            .putObject("inputSchema").put("type", "object");
                }
            }
            case "tools/call" -> {
                String text = message.path("params").path("arguments").path("text").asText();
                result.putArray("content").addObject().put("type", "text").put("text", text.toUpperCase(Locale.ROOT));
                result.put("isError", false);
            }
            default -> { } // ping and anything else: an empty result
        }
        return reply.toString();
    }
}
