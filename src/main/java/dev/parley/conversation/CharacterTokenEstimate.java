package dev.parley.conversation;

/**
 * A provider-independent token estimate: one token per four characters, rounded up, plus four
 * tokens per message for the role and the chat template's separators.
 *
 * <p>Four characters per token is the usual rule of thumb for English with BPE tokenizers (cl100k,
 * Llama 3); it over-counts code and under-counts some other languages, which is why the budget
 * should leave headroom below the model's real context size. An exact count would need each
 * provider's own tokenizer, and Parley talks to many.
 *
 * <p>A tool call counts its name, id and arguments, plus four like a message; a tool result its
 * text, the call's name and id.
 *
 * <p>An image counts {@link #TOKENS_PER_IMAGE}: what Anthropic charges (width × height / 750) for a
 * picture at the 1.15 megapixels it scales every image to, a little more than OpenAI's high-detail
 * tiles of a picture of the default {@code llm.images.max-side}.
 */
public final class CharacterTokenEstimate implements TokenCounter {

    static final int CHARS_PER_TOKEN = 4;
    static final int TOKENS_PER_MESSAGE = 4;
    static final int TOKENS_PER_IMAGE = 1600;

    @Override
    public int count(Message message) {
        int tokens = tokens(message.text()) + TOKENS_PER_MESSAGE + TOKENS_PER_IMAGE * message.images().size();
        if (message.requestsTools()) {
            // A result's text is the message's; a request's calls are sent as name, id and arguments.
            for (ToolCall call : message.toolCalls()) {
                tokens += tokens(call.name()) + tokens(call.id()) + tokens(call.arguments()) + TOKENS_PER_MESSAGE;
            }
        } else if (message.role() == Message.Role.TOOL) {
            ToolCall call = message.toolCalls().getFirst();
            tokens += tokens(call.name()) + tokens(call.id());
        }
        return tokens;
    }

    /** The estimate for text within a message, such as part of the system prompt. */
    public static int tokens(String text) {
        int chars = text == null ? 0 : text.length();
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }
}
