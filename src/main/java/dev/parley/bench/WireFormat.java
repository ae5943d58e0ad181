package dev.parley.bench;

/**
 * How one provider's streaming endpoint looks on the wire: where it listens, how a reply streams,
 * and how its errors read. One instance per request, because some formats number their blocks.
 */
interface WireFormat {

    /** Server-sent events, as three of the four providers stream. */
    default String contentType() {
        return "text/event-stream";
    }

    /** What goes out before the first piece; most formats start right away. */
    default String open() {
        return "";
    }

    String reasoning(String piece);

    String answer(String piece);

    /** The end of a complete reply, with token usage (12 in, 7 out). */
    String finish();

    /** The end of a reply that reached the request's max-tokens, with the same usage. */
    String finishAtMaxTokens();

    /** The pieces that stream {@code calls}, in this provider's framing. */
    java.util.List<String> toolCalls(java.util.List<ScriptedLlmServer.ToolCall> calls);

    /** The end of a reply that asks for tools. */
    default String finishAfterToolCalls() {
        return finish();
    }

    /** A line the client cannot parse, in the framing of this format. */
    String malformed();

    /** An error response body the way this provider writes it. */
    String errorBody(int status, String message, long retryAfterSeconds);
}
