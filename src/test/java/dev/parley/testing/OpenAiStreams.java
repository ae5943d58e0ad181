package dev.parley.testing;

/** OpenAI chat-completion streams as a server sends them, for tests that script one by hand. */
public final class OpenAiStreams {

    private static final String CHUNK = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"scripted\",\"choices\":[{\"index\":0,\"delta\":%s,\"finish_reason\":%s}]}";

    private OpenAiStreams() {}

    /** "Here is how", then a stop for the reason given ({@code content_filter}, {@code length}...). */
    public static String textThenStop(String finishReason) {
        return "data: " + CHUNK.formatted("{\"content\":\"Here is how\"}", "null") + "\n\n"
                + "data: " + CHUNK.formatted("{}", "\"" + finishReason + "\"") + "\n\ndata: [DONE]\n\n";
    }
}
