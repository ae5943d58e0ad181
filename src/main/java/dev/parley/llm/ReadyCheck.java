package dev.parley.llm;

import dev.parley.conversation.Message;
import java.util.List;

/**
 * Sends one short prompt through a provider's real streaming path and times it: the time to the
 * first answer text (what a voice turn waits for before it can speak) and to the end of the reply.
 */
public final class ReadyCheck {

    public static final String PROMPT = "Reply with the single word: ready";

    /** The outcome; on failure {@code error} says what went wrong and what to do, and the times are -1. */
    public record Result(String provider, String description, boolean ok, String reply, long firstTokenMs,
            long totalMs, String error) {}

    private ReadyCheck() {}

    public static Result run(LanguageModel model) {
        long start = System.nanoTime();
        try {
            LlmReply reply = model.reply(List.of(Message.user(PROMPT)), ReplyListener.IGNORE);
            long totalMs = millisSince(start);
            long firstTokenMs = reply.firstTextNanos() == 0 ? -1 : (reply.firstTextNanos() - start) / 1_000_000;
            return new Result(model.name(), model.describe(), true, reply.text(), firstTokenMs, totalMs, null);
        } catch (LlmException e) {
            return failed(model.name(), model.describe(), e);
        }
    }

    /** A check that failed before a request could be sent, e.g. for a missing key. */
    public static Result failed(String provider, String description, LlmException error) {
        return new Result(provider, description, false, null, -1, -1, error.getMessage());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
