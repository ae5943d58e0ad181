package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import java.util.Optional;

/**
 * What a reply stream says about the provider's safety filter that LangChain4j's response leaves out,
 * read from the raw events the client passes on unmapped: Gemini's {@code promptFeedback.blockReason}
 * (the prompt itself was blocked: no candidate comes, so the reply has no finish reason and would pass
 * for a stream that broke off) and Anthropic's {@code stop_reason: "refusal"} (which the client maps to
 * OTHER). OpenAI's {@code content_filter} and Gemini's candidate {@code SAFETY}/{@code RECITATION} the
 * clients already map to a content-filter finish.
 */
final class SafetyStops {

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile String blockedPrompt;
    private volatile boolean refused;

    /** Takes an event the client did not turn into a callback. */
    void read(Object rawEvent) {
        if (!(rawEvent instanceof ServerSentEvent event) || event.data() == null) {
            return;
        }
        String data = event.data();
        if (!data.contains("\"blockReason\"") && !data.contains("\"refusal\"")) {
            return; // nearly every such event: usage, pings, message starts
        }
        try {
            JsonNode json = JSON.readTree(data);
            if (json == null) {
                return;
            }
            JsonNode block = json.path("promptFeedback").path("blockReason");
            if (block.isTextual()) {
                blockedPrompt = block.asText();
            }
            if ("refusal".equals(json.path("delta").path("stop_reason").asText(""))) {
                refused = true;
            }
        } catch (JsonProcessingException notJson) {
            // the client read it as it could; nothing here to learn from it
        }
    }

    /** Why the provider blocked the prompt (Gemini's word, e.g. SAFETY), when it did. */
    Optional<String> blockedPrompt() {
        return Optional.ofNullable(blockedPrompt);
    }

    /** Whether the model stopped with a refusal its client did not report as a content filter. */
    boolean refused() {
        return refused;
    }
}
