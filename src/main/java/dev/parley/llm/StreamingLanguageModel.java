package dev.parley.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.parley.secrets.Redaction;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import dev.parley.config.ProviderConfig;
import dev.parley.config.ProviderType;
import dev.parley.config.ReplyLimitsConfig;
import dev.parley.conversation.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A provider reached through a LangChain4j streaming client. Separates reasoning from the answer
 * (native reasoning events and inline think tags alike) and watches for a stream that goes quiet,
 * which the HTTP clients' timeouts do not cover once the response has started.
 */
final class StreamingLanguageModel implements LanguageModel {

    private final String name;
    private final ProviderConfig provider;
    private final String endpoint;
    private final StreamingChatModel client;
    private final Duration idleTimeout;
    private final ReplyLimitsConfig limits;
    private final ToolRunner tools;
    /** Asked when a turn shows images; may ask the endpoint once. */
    private final BooleanSupplier seeing;

    StreamingLanguageModel(String name, ProviderConfig provider, String endpoint, StreamingChatModel client,
            Duration idleTimeout, ReplyLimitsConfig limits, ToolRunner tools, BooleanSupplier seeing) {
        this.name = name;
        this.provider = provider;
        this.endpoint = endpoint;
        this.client = client;
        this.idleTimeout = idleTimeout;
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

    /** Said, and saved, where Parley cut a reply off at {@code llm.reply-limits.max-characters}. */
    static final String TOO_LONG = " (Parley stopped this reply here: it reached %,d characters, the most one reply"
            + " may have.)";

    /** Said, and saved, where Parley cut a reply off at {@code llm.reply-limits.max-seconds}. */
    static final String TOO_SLOW = " (Parley stopped this reply here: it ran for %d seconds, the longest one reply"
            + " may take.)";

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
            Stream stream = new Stream(listener, totals.answer.toString(), deadline);
            Round result = stream.send(request.build());
            totals.add(result);
            // A reply cut off at a limit has no response: its tool calls, if any, never finished.
            AiMessage message = result.response() == null ? null : result.response().aiMessage();
            if (message == null || !message.hasToolExecutionRequests()) {
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

    /** {@code response} is null for a round Parley ended at a reply limit. */
    private record Round(ChatResponse response, LlmReply reply) {}

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

        void add(Round round) {
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

    /** One reply in flight: collects text, forwards deltas, and completes a future at the end. */
    private final class Stream implements StreamingChatResponseHandler {

        private final ReplyListener listener;
        /** Text earlier rounds streamed: part of what was said should this round break off. */
        private final String priorText;
        private final ReplyDeadline deadline;
        private final ThinkFilter thinkFilter = new ThinkFilter();
        private final StringBuilder answer = new StringBuilder();
        private final StringBuilder reasoning = new StringBuilder();
        private final CompletableFuture<Round> done = new CompletableFuture<>();
        private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
        private final AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        private long firstTextNanos;

        Stream(ReplyListener listener, String priorText, ReplyDeadline deadline) {
            this.listener = listener;
            this.priorText = priorText;
            this.deadline = deadline;
        }

        Round send(ChatRequest request) {
            if (provider.type() == ProviderType.EMBEDDED) {
                long beforeRequest = lastActivity.get();
                try {
                    client.chat(request, this);
                } catch (RuntimeException e) {
                    throw ProviderErrors.explain(e, name, provider, endpoint).afterPartialText(priorText);
                }
                // The quiet-stream clock starts once the request is under way: the embedded model
                // downloads and loads inside chat() on first use, which may take minutes and is not a
                // stalled stream. A piece that arrived meanwhile keeps its own time.
                lastActivity.compareAndSet(beforeRequest, System.nanoTime());
            } else {
                // LangChain4j's HTTP clients may read the whole stream inside chat() (its JDK client
                // goes on on the calling thread when the response is already there), so chat() runs on
                // a thread of its own and this one keeps the quiet-stream clock; a stream stalled in
                // there used to go unnoticed (QuietStreamClockTest).
                Thread.ofVirtual().name("parley-llm-request").start(() -> {
                    try {
                        client.chat(request, this);
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    }
                });
                lastActivity.set(System.nanoTime());
            }
            deadline.start();
            return await();
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle.compareAndSet(null, context.streamingHandle());
            if (done.isDone()) {
                return; // Some clients keep delivering after reporting an error; the reply has ended.
            }
            lastActivity.set(System.nanoTime());
            forward(thinkFilter.push(partial.text()));
        }

        @Override
        public void onPartialThinking(PartialThinking thinking, PartialThinkingContext context) {
            // The handle may come first with reasoning: a stream of nothing else must be stoppable too.
            handle.compareAndSet(null, context.streamingHandle());
            onPartialThinking(thinking);
        }

        @Override
        public void onPartialThinking(PartialThinking thinking) {
            if (done.isDone()) {
                return;
            }
            lastActivity.set(System.nanoTime());
            reasoning(thinking.text());
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (done.isDone()) {
                return; // Already ended by the idle timeout or a cancel: the caller has moved on.
            }
            if (response.finishReason() == null) {
                // Some clients (OpenAI's, Gemini's) complete when the body ends, final event or not.
                done.completeExceptionally(new StreamEndedEarlyException());
                return;
            }
            forward(thinkFilter.finish());
            TokenUsage usage = response.tokenUsage();
            done.complete(new Round(response, new LlmReply(answer.toString().strip(), reasoning.toString().strip(),
                    usage != null && usage.inputTokenCount() != null ? usage.inputTokenCount() : -1,
                    usage != null && usage.outputTokenCount() != null ? usage.outputTokenCount() : -1,
                    firstTextNanos, name, FinishReason.of(response.finishReason()))));
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        /** The failure as the caller sees it: once answer text went out, the reply is broken, not failed. */
        private LlmException failure(Throwable error) {
            return ProviderErrors.explain(error, name, provider, endpoint).afterPartialText(partialText());
        }

        private synchronized String partialText() {
            return priorText + answer;
        }

        private synchronized void forward(ThinkFilter.Split split) {
            if (done.isDone()) {
                return; // ended at a limit while this piece was on its way
            }
            reasoning(split.reasoning());
            String text = split.answer();
            if (text.isEmpty()) {
                return;
            }
            int room = limits.maxCharacters() - priorText.length() - answer.length();
            if (answer.isEmpty() && needsSpaceAfter(priorText) && !Character.isWhitespace(text.charAt(0))) {
                // A round after tool calls goes on from what the last one said: keep the words apart.
                text = " " + text;
            }
            if (firstTextNanos == 0 && !text.isBlank()) {
                firstTextNanos = System.nanoTime();
            }
            if (text.length() > room) {
                int cut = Math.max(0, room);
                if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
                    cut--; // never half a character
                }
                text = text.substring(0, cut);
                answer.append(text);
                listener.onText(text);
                stopAtLimit(String.format(Locale.ROOT, TOO_LONG, limits.maxCharacters()));
                return;
            }
            answer.append(text);
            listener.onText(text);
        }

        private static boolean needsSpaceAfter(String text) {
            return !text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1));
        }

        private synchronized void reasoning(String text) {
            if (text == null || text.isEmpty() || done.isDone()) {
                return;
            }
            // Reasoning is not spoken, but an endless stream of it fills memory all the same.
            if (reasoning.length() + text.length() > limits.maxCharacters()) {
                stopAtLimit(String.format(Locale.ROOT, TOO_LONG, limits.maxCharacters()));
                return;
            }
            reasoning.append(text);
            listener.onReasoning(text);
        }

        /**
         * Ends the reply with what has arrived and {@code notice} after it, said and kept like the rest,
         * and stops the stream: a limit ends the turn as an answer the user can see was cut, not as a
         * failure that a retry or fallback would repeat.
         */
        private synchronized void stopAtLimit(String notice) {
            if (done.isDone()) {
                return;
            }
            answer.append(notice);
            listener.onText(notice);
            done.complete(new Round(null, new LlmReply(answer.toString().strip(), reasoning.toString().strip(), -1, -1,
                    firstTextNanos, name)));
            StreamingHandle streaming = handle.get();
            if (streaming != null) {
                streaming.cancel();
            }
        }

        Round await() {
            while (true) {
                long quietNanos = System.nanoTime() - lastActivity.get();
                long waitNanos = idleTimeout.toNanos() - quietNanos;
                if (waitNanos <= 0) {
                    throw end(failure(new java.util.concurrent.TimeoutException(
                            "no data for " + idleTimeout.toMillis() + " ms")));
                }
                if (deadline.nanosLeft() <= 0) {
                    stopAtLimit(String.format(Locale.ROOT, TOO_SLOW, limits.maxSeconds()));
                }
                try {
                    return done.get(Math.min(waitNanos, Math.max(0, deadline.nanosLeft())), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException stillQuiet) {
                    // Loop: activity may have arrived meanwhile, which moves the deadline.
                } catch (ExecutionException e) {
                    throw failure(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw end(LlmException.cancelled(name, e, partialText()));
                }
            }
        }

        /**
         * Ends the reply from the caller's side: marks it done so that anything the client still
         * delivers is dropped (a retry must not receive this stream's late pieces), and stops the
         * stream where the client has handed out a handle.
         */
        private LlmException end(LlmException failure) {
            done.completeExceptionally(failure);
            StreamingHandle streaming = handle.get();
            if (streaming != null) {
                streaming.cancel();
            }
            return failure;
        }
    }
}
