package dev.parley.llm;

import java.io.IOException;

/**
 * A reply stream whose body ended cleanly but before the provider's end-of-reply event (OpenAI's
 * finish_reason, Ollama's done, Anthropic's message_stop, Gemini's finishReason): what arrived may be
 * any part of the answer, so it must not pass for all of it.
 */
final class StreamEndedEarlyException extends IOException {

    StreamEndedEarlyException() {
        super("the stream ended without its end-of-reply mark");
    }
}
