package dev.parley.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.parley.secrets.Redaction;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ReplyLimitsConfig;
import dev.parley.conversation.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A provider reached through a LangChain4j streaming client: the tool loop over the rounds of one
 * reply, each round streamed by a {@link RoundStream}, and the reply's totals across them.
 */
final class StreamingLanguageModel implements LanguageModel {

    private final String name;
    private final ProviderConfig provider;
    private final String endpoint;
    /** Where each round streams from: the client, and the limits a round keeps. */
    private final RoundStream.Source source;
    private final ReplyLimitsConfig limits;
    private final ToolRunner tools;
    /** Asked when a turn shows images; may ask the endpoint once. */
    private final BooleanSupplier seeing;

    StreamingLanguageModel(String name, ProviderConfig provider, String endpoint, StreamingChatModel client,
            Duration idleTimeout, ReplyLimitsConfig limits, ToolRunner tools, BooleanSupplier seeing) {
        this.name = name;
        this.provider = provider;
        this.endpoint = endpoint;
        this.source = new RoundStream.Source(name, provider, endpoint, client, idleTimeout, limits);
        this.limits = limits;
        this.tools = tools;
        this.seeing = seeing;
    }

    @Override
    public boolean canSee() {
        return seeing.getAsBoolean();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        String where = LanguageModels.IN_PROCESS.equals(endpoint) ? ", " + endpoint : " at " + endpoint;
        return Redaction.clean(name + " (" + provider.type().configName() + ", model " + provider.model() + where + ")");
    }

    /** Told to the model once the tool rounds are used up, with the tools withdrawn. */
    static final String NO_MORE_TOOLS = "No more tool calls are possible for this reply. "
            + "Answer the user now with what you have.";

    /** Said when a model still asks for tools after they were withdrawn. */
    static final String TOOL_ROUNDS_EXHAUSTED = "Sorry, I could not finish that within the allowed tool calls.";

    /**
     * The tool loop: while the model answers with tool calls, run them, add its message and their
     * results to the request, and ask again; at most {@code llm.tools.max-rounds} rounds of calls,
     * then one last request without tools. Text of every round streams to the listener as it comes;
     * each round whose calls all have their results is told to {@link ReplyListener#onToolRound}.
     */
    @Override
    public LlmReply reply(List<Message> messages, ReplyListener listener) {
        List<ChatMessage> history = new ArrayList<>(RequestMessages.of(messages, this::canSee,
                () -> "The model " + provider.model() + " of provider '" + name + "' cannot see images, so nothing"
                        + " was sent; set vision: true on it if it can."));
        Totals totals = new Totals();
        ReplyDeadline deadline = new ReplyDeadline(Duration.ofSeconds(limits.maxSeconds()));
        for (int round = 0; ; round++) {
            boolean offerTools = tools.enabled() && round < tools.maxRounds();
            ChatRequest.Builder request = ChatRequest.builder().messages(history);
            List<ToolSpecification> offered = offerTools ? tools.specifications(canSee()) : List.of();
            if (!offered.isEmpty()) {
                request.toolSpecifications(offered);
            }
            RoundStream.Round result = new RoundStream(source, listener, totals.answer.toString(), deadline)
                    .send(request.build());
            totals.add(result);
            // A reply cut off at a limit has no response: its tool calls, if any, never finished.
            AiMessage message = result.response() == null ? null : result.response().aiMessage();
            if (message == null || !message.hasToolExecutionRequests()) {
                if (message != null && round == 0 && totals.answer.isEmpty()) {
                    // Ended properly with nothing to say or show: a silent success would print
                    // nothing, exit 0 and save an empty turn. Not once tools ran: their calls took
                    // effect (a timer is set), and failing would have the turn asked again, the
                    // tools with it.
                    throw UnusableReplies.nothingAnswered(source, result.reply());
                }
                return totals.reply();
            }
            if (!offerTools) {
                // Tools were withdrawn and the model asked anyway: end with a clear sentence, not a loop.
                String text = (totals.answer.isEmpty() ? "" : " ") + TOOL_ROUNDS_EXHAUSTED;
                totals.text(text);
                listener.onText(text);
                return totals.reply();
            }
            AiMessage asked = ToolRounds.withIds(message);
            history.add(asked);
            List<ChatMessage> results;
            try {
                results = tools.run(asked.toolExecutionRequests(), listener, canSee());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LlmException.cancelled(name, e, totals.answer.toString());
            }
            history.addAll(results);
            listener.onToolRound(ToolRounds.of(asked, result.reply().text(), results));
            if (round + 1 == tools.maxRounds()) {
                history.add(SystemMessage.from(NO_MORE_TOOLS));
            }
        }
    }

    /**
     * The reply across all rounds: text and reasoning joined, tokens summed, the first word's time
     * and the last round's finish reason kept.
     */
    private final class Totals {
        private final StringBuilder answer = new StringBuilder();
        private final StringBuilder reasoning = new StringBuilder();
        private int inputTokens = -1;
        private int outputTokens = -1;
        private long firstTextNanos;
        private FinishReason finishReason = FinishReason.UNKNOWN;

        void add(RoundStream.Round round) {
            LlmReply reply = round.reply();
            text(reply.text());
            if (!reply.reasoning().isEmpty()) {
                reasoning.append(reasoning.isEmpty() ? "" : "\n").append(reply.reasoning());
            }
            inputTokens = sum(inputTokens, reply.inputTokens());
            outputTokens = sum(outputTokens, reply.outputTokens());
            if (firstTextNanos == 0) {
                firstTextNanos = reply.firstTextNanos();
            }
            finishReason = reply.finishReason(); // the last round's: the one that answered
        }

        void text(String text) {
            if (!text.isEmpty()) {
                answer.append(answer.isEmpty() || text.startsWith(" ") ? "" : " ").append(text.strip());
            }
        }

        private static int sum(int total, int more) {
            return more < 0 ? total : total < 0 ? more : total + more;
        }

        LlmReply reply() {
            return new LlmReply(answer.toString().strip(), reasoning.toString().strip(), inputTokens, outputTokens,
                    firstTextNanos, name, finishReason);
        }
    }
}
