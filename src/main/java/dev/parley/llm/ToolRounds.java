package dev.parley.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.parley.conversation.ToolCall;
import dev.parley.conversation.ToolRound;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A round of tool calls between LangChain4j's messages and the conversation's record of it. Every
 * call gets an id of its own (a provider may repeat one within a round): Ollama and Gemini's function calls may come without one, and a conversation kept
 * with them may later be continued with Anthropic or OpenAI, which match each result to its call by id.
 */
final class ToolRounds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolRounds() {}

    /**
     * {@code asked} with an id of its own on every call: the provider's where it gave one, else a new one.
     * A call repeating an id of an earlier call in the round gets a new one too: results are matched to
     * their calls by id, here and by every provider the history is sent to later, so two calls sharing
     * one would both be recorded with the first one's result.
     */
    static AiMessage withIds(AiMessage asked) {
        Set<String> seen = new HashSet<>();
        if (asked.toolExecutionRequests().stream().allMatch(request -> hasId(request) && seen.add(request.id()))) {
            return asked;
        }
        seen.clear();
        List<ToolExecutionRequest> requests = new ArrayList<>();
        for (ToolExecutionRequest request : asked.toolExecutionRequests()) {
            requests.add(hasId(request) && seen.add(request.id()) ? request : ToolExecutionRequest.builder()
                    .id(newId()).name(request.name()).arguments(request.arguments()).build());
        }
        return asked.toBuilder().toolExecutionRequests(requests).build();
    }

    private static boolean hasId(ToolExecutionRequest request) {
        return request.id() != null && !request.id().isBlank();
    }

    /** Like OpenAI's: "call_" and 24 random hex digits. */
    private static String newId() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "call_" + HexFormat.of().formatHex(random);
    }

    /**
     * The most characters of a call's result or arguments the conversation keeps (about 4,000 tokens):
     * an MCP tool may return megabytes, which would otherwise be saved and sent with every later turn.
     * The turn that made the call still gives the model all of it.
     */
    static final int MAX_KEPT_CHARS = 16_000;

    /**
     * The finished round: the calls {@code asked} made, each with the text of its result among
     * {@code results} (matched by id), and {@code text}, what the model said alongside; results and
     * arguments cut to {@link #MAX_KEPT_CHARS}.
     */
    static ToolRound of(AiMessage asked, String text, List<ChatMessage> results) {
        List<ToolCall> calls = new ArrayList<>();
        for (ToolExecutionRequest request : asked.toolExecutionRequests()) {
            String result = results.stream().filter(ToolExecutionResultMessage.class::isInstance)
                    .map(ToolExecutionResultMessage.class::cast)
                    .filter(message -> request.id().equals(message.id())).map(ToolExecutionResultMessage::text)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no result for call " + request.id()));
            calls.add(new ToolCall(request.id(), request.name(), kept(request.arguments()), kept(result)));
        }
        return new ToolRound(text, calls);
    }

    /**
     * The conversation's calls as the assistant message that asked for them. Arguments that are not
     * a JSON object (an OpenAI model may stream any text there; the call's result already says so)
     * are sent as {@code {}}: the Ollama and Gemini clients fail to parse them, and Anthropic refuses
     * a {@code tool_use} whose input is not an object.
     */
    static AiMessage request(String text, List<ToolCall> calls) {
        List<ToolExecutionRequest> requests = calls.stream().map(call -> ToolExecutionRequest.builder().id(call.id())
                .name(call.name()).arguments(jsonObjectOrEmpty(call.arguments())).build()).toList();
        return text == null || text.isBlank() ? AiMessage.from(requests) : AiMessage.from(text, requests);
    }

    private static String kept(String text) {
        if (text == null || text.length() <= MAX_KEPT_CHARS) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(MAX_KEPT_CHARS - 1)) ? MAX_KEPT_CHARS - 1 : MAX_KEPT_CHARS;
        return text.substring(0, cut) + " [" + (text.length() - cut) + " more characters not kept]";
    }

    private static String jsonObjectOrEmpty(String arguments) {
        try {
            return JSON.readTree(arguments) instanceof ObjectNode ? arguments : "{}";
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    /** A call's result as the message that answers it. */
    static ToolExecutionResultMessage result(ToolCall call) {
        return ToolExecutionResultMessage.from(call.id(), call.name(), call.result());
    }
}
