package dev.parley.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.parley.conversation.Message;
import dev.parley.image.TurnImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A request's messages as LangChain4j takes them. A user message with images becomes text and image
 * contents (base64 with their media type), which each client writes its protocol's way: OpenAI
 * {@code image_url} data URIs, Anthropic {@code image} blocks, Gemini {@code inlineData}, Ollama
 * {@code images}. For a model that cannot see, a question showing images is refused before anything
 * is sent (a fallback of a chain whose first provider could see ends here), and images of earlier
 * turns are left out with a note saying how many. Tool calls of earlier answers become an
 * {@code AiMessage} with its {@code ToolExecutionRequest}s and one {@code ToolExecutionResultMessage}
 * per call, which each client writes its protocol's way: OpenAI and Ollama {@code tool_calls} and
 * {@code role: tool} messages, Anthropic {@code tool_use} and {@code tool_result} blocks, Gemini
 * {@code functionCall} and {@code functionResponse} parts.
 */
final class RequestMessages {

    private static final Logger LOG = LogManager.getLogger(RequestMessages.class);

    private RequestMessages() {}

    /**
     * @param canSee whether the model can see; asked only when a message shows images
     * @param cannotSee why the model refuses a question with images (its name and what to do)
     * @throws LlmException of kind INVALID_REQUEST when the last message shows images and the model cannot see
     */
    static List<ChatMessage> of(List<Message> messages, BooleanSupplier canSee, Supplier<String> cannotSee) {
        boolean seeing = messages.stream().anyMatch(Message::hasImages) && canSee.getAsBoolean();
        if (seeing && LOG.isDebugEnabled()) {
            LOG.debug("The request shows the model {} image(s): {}", messages.stream().mapToLong(m -> m.images().size())
                    .sum(), messages.stream().flatMap(m -> m.images().stream()).map(TurnImage::toString).toList());
        }
        if (!seeing && !messages.isEmpty() && messages.getLast().hasImages()) {
            throw new LlmException(LlmException.Kind.INVALID_REQUEST, cannotSee.get(), null, null, "");
        }
        return messages.stream().<ChatMessage>map(message -> switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.text());
            case USER -> !message.hasImages() ? UserMessage.from(message.text())
                    : seeing ? UserMessage.from(withImages(message.text(), message.images()))
                    : UserMessage.from(message.text() + "\n[" + message.images().size()
                            + " image(s) not shown: this model cannot see images]");
            case ASSISTANT -> message.requestsTools() ? ToolRounds.request(message.text(), message.toolCalls())
                    : AiMessage.from(message.text());
            case TOOL -> ToolRounds.result(message.toolCalls().getFirst());
        }).toList();
    }

    /** Detail AUTO: OpenAI picks high detail for large pictures itself; the other protocols have no such field. */
    static List<Content> withImages(String text, List<TurnImage> images) {
        List<Content> contents = new ArrayList<>();
        contents.add(TextContent.from(text));
        for (TurnImage image : images) {
            contents.add(ImageContent.from(image.base64(), image.mediaType(), ImageContent.DetailLevel.AUTO));
        }
        return contents;
    }
}
