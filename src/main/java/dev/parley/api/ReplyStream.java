package dev.parley.api;

import java.util.Locale;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.pipeline.TurnEvent;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.sse.SseSink;

/**
 * The SSE form of an answer as {@code POST /ask} streams it: events {@code text}, {@code reasoning},
 * {@code tool}, {@code done} and {@code error}, and the JSON a finished answer reports. Shared by
 * the open conversation's asks and those of other saved conversations.
 */
final class ReplyStream {

    private ReplyStream() {}

    /** Sends the part of {@code event} a streaming caller sees; a completion is left to {@code done}. */
    static void emit(SseSink sink, TurnEvent event) {
        switch (event) {
            // First, with the turn's number: what ties this stream to the same turn's events on /events.
            case TurnEvent.Started e -> emit(sink, "started", ApiJson.object().put("turn", e.turn())
                    .put("provider", e.provider()));
            case TurnEvent.Text e -> emit(sink, "text", ApiJson.object().put("delta", e.delta()));
            case TurnEvent.Reasoning e -> emit(sink, "reasoning", ApiJson.object().put("delta", e.delta()));
            case TurnEvent.ToolCallStarted e -> emit(sink, "tool", ApiJson.object().put("phase", "started")
                    .put("tool", e.tool()).put("arguments", e.arguments()));
            case TurnEvent.ToolCallFinished e -> emit(sink, "tool", ApiJson.object().put("phase", "finished")
                    .put("tool", e.tool()).put("result", e.result()));
            case TurnEvent.Failed e -> emit(sink, "error", ProblemResponses.json(502, "The model failed", e.message(), null));
            default -> { }
        }
    }

    /** Adds what a completed answer reports (reply, provider, usage) to {@code reply}. */
    static ObjectNode answered(ObjectNode reply, TurnEvent.Completed e) {
        return reply.put("turn", e.turn()).put("reply", e.reply()).put("reasoning", e.reasoning())
                .put("provider", e.provider()).put("inputTokens", e.inputTokens()).put("outputTokens", e.outputTokens())
                .put("finishReason", e.finishReason().name().toLowerCase(Locale.ROOT));
    }

    /** {@code problem} as a stream's {@code error} event, with its {@code code} when it has one. */
    static ObjectNode problem(ApiProblem problem) {
        return ProblemResponses.json(problem.status(), problem.title(), problem.detail(), problem.code());
    }

    static void emit(SseSink sink, String name, ObjectNode data) {
        sink.emit(SseEvent.builder().name(name).data(ApiJson.write(data)).build());
    }
}
