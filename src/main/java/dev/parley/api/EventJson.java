package dev.parley.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.pipeline.TurnEvent;
import dev.parley.voice.VoiceEvent;
import java.time.Instant;
import java.util.Locale;

/**
 * The wire form of one {@link VoiceEvent}: {@code {"seq","time","type","turn",...}} with the type names
 * of docs/api.md. Mapping the sealed types with a switch makes a new event type a compile error here.
 */
final class EventJson {

    /** The longest text an event carries; {@link #shortened} says why. */
    static final int MAX_TEXT = 10_000;

    /** The type of microphone level events, which a client must ask for ({@code ?level=true}). */
    static final String LEVEL = "level";

    private EventJson() {}

    static ObjectNode of(long seq, Instant time, VoiceEvent event) {
        ObjectNode json = ApiJson.object().put("seq", seq).put("time", time.toString());
        switch (event) {
            case VoiceEvent.StateChanged e -> json.put("type", "state").put("turn", e.turn())
                    .put("from", e.from().name().toLowerCase(Locale.ROOT))
                    .put("to", e.to().name().toLowerCase(Locale.ROOT)).put("detail", e.detail());
            case VoiceEvent.Level e -> json.put("type", LEVEL).put("dbfs", Math.round(e.dbfs() * 10) / 10.0);
            case VoiceEvent.MicrophoneStatus e -> json.put("type", "microphone").put("working", e.working())
                    .put("problem", e.problem()).put("commands", e.commands());
            case VoiceEvent.PartialTranscript e -> json.put("type", "speech.partial").put("turn", e.turn())
                    .put("text", e.text());
            case VoiceEvent.FinalTranscript e -> json.put("type", "speech.final").put("turn", e.turn())
                    .put("text", e.text());
            case VoiceEvent.Reply e -> reply(json, e.event());
            case VoiceEvent.Heard e -> json.put("type", "audio.heard").put("turn", e.turn()).put("text", e.text());
            case VoiceEvent.AudioStarted e -> json.put("type", "audio.started").put("turn", e.turn());
            case VoiceEvent.TimerDone e -> json.put("type", "timer.done").put("label", e.label())
                    .put("text", e.text()).put("while_closed", e.whileClosed());
            case VoiceEvent.WakeWordHeard e -> json.put("type", "wake").put("turn", e.turn());
            case VoiceEvent.ProviderHealth e -> json.put("type", "provider.health").put("provider", e.provider())
                    .put("healthy", e.healthy()).put("detail", e.detail());
            case VoiceEvent.BudgetWarning e -> json.put("type", "budget.warning").put("limit", e.limit())
                    .put("text", e.text());
            case VoiceEvent.Interrupted e -> json.put("type", "turn.interrupted").put("turn", e.turn())
                    .put("heard", e.heard());
            case VoiceEvent.ProviderChanged e -> json.put("type", "provider.switched").put("provider", e.provider())
                    .put("description", e.description());
            case VoiceEvent.SpeechPartChange e -> json.put("type", "speech.part").put("part", e.part())
                    .put("step", e.step().name().toLowerCase(Locale.ROOT)).put("detail", e.detail());
            case VoiceEvent.Waterfall e -> turnEnd(json, e);
        }
        return shortened(json);
    }

    /**
     * Cuts every text over {@link #MAX_TEXT} characters to that length and marks the event
     * {@code "truncated": true}. A question may have a million characters, and each event is kept for
     * replay and queued for every client: a few hundred such events held gigabytes. The whole text is in
     * the saved conversation ({@code GET /conversations/ID}).
     */
    static ObjectNode shortened(ObjectNode json) {
        boolean cut = false;
        for (var field : json.properties()) {
            if (field.getValue().isTextual() && field.getValue().asText().length() > MAX_TEXT) {
                String text = field.getValue().asText();
                int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
                field.setValue(ApiJson.MAPPER.getNodeFactory().textNode(text.substring(0, end) + "…"));
                cut = true;
            }
        }
        return cut ? json.put("truncated", true) : json;
    }

    private static void reply(ObjectNode json, TurnEvent event) {
        json.put("turn", event.turn());
        switch (event) {
            case TurnEvent.Started e -> json.put("type", "turn.started").put("text", e.userText())
                    .put("provider", e.provider());
            case TurnEvent.Text e -> json.put("type", "llm.text").put("delta", e.delta());
            case TurnEvent.Reasoning e -> json.put("type", "llm.reasoning").put("delta", e.delta());
            case TurnEvent.ToolCallStarted e -> json.put("type", "tool.started").put("tool", e.tool())
                    .put("arguments", e.arguments());
            case TurnEvent.ToolCallFinished e -> json.put("type", "tool.finished").put("tool", e.tool())
                    .put("arguments", e.arguments()).put("result", e.result());
            case TurnEvent.Written e -> json.put("type", "llm.text.done");
            case TurnEvent.Chunk e -> json.put("type", "response.chunk").put("text", e.text());
            case TurnEvent.Completed e -> answer(json.put("type", "llm.done"), e);
            case TurnEvent.Failed e -> json.put("type", "turn.failed").put("message", e.message())
                    .put("partialAnswer", e.partialAnswer());
        }
    }

    /**
     * The end of a turn: {@code turn.done} (response generated) with the reply, usage and latency
     * waterfall when it completed, else {@code turn.timings} after its {@code turn.failed} or
     * {@code turn.interrupted}.
     */
    private static void turnEnd(ObjectNode json, VoiceEvent.Waterfall end) {
        if (end.answer() != null) {
            answer(json.put("type", "turn.done").put("turn", end.turn()), end.answer());
        } else {
            json.put("type", "turn.timings").put("turn", end.turn());
        }
        json.set("timings", ApiJson.MAPPER.valueToTree(end.timings()));
    }

    private static ObjectNode answer(ObjectNode json, TurnEvent.Completed answer) {
        return json.put("reply", answer.reply()).put("reasoning", answer.reasoning()).put("provider", answer.provider())
                .put("inputTokens", answer.inputTokens()).put("outputTokens", answer.outputTokens())
                .put("finishReason", answer.finishReason().name().toLowerCase(Locale.ROOT));
    }

    /** Sent in place of the events a slow client missed. */
    static String dropped(long count, Instant time) {
        return ApiJson.write(ApiJson.object().put("type", "dropped").put("time", time.toString()).put("count", count));
    }
}
