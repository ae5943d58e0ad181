package dev.parley.llm;

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
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One round of a reply in flight: collects text, separates reasoning from the answer (native
 * reasoning events and inline think tags alike), forwards deltas, keeps the reply limits, and
 * watches for a stream that goes quiet, which the HTTP clients' timeouts do not cover once the
 * response has started; completes a future at the end.
 */
final class RoundStream implements StreamingChatResponseHandler {

    /** Said, and saved, where Parley cut a reply off at {@code llm.reply-limits.max-characters}. */
    static final String TOO_LONG = " (Parley stopped this reply here: it reached %,d characters, the most one reply"
            + " may have.)";

    /** Said, and saved, where Parley cut a reply off at {@code llm.reply-limits.max-seconds}. */
    static final String TOO_SLOW = " (Parley stopped this reply here: it ran for %d seconds, the longest one reply"
            + " may take.)";

    /** The provider a round streams from, and the limits it keeps. */
    record Source(String name, ProviderConfig provider, String endpoint, StreamingChatModel client,
            Duration idleTimeout, ReplyLimitsConfig limits) {}

    /** {@code response} is null for a round Parley ended at a reply limit. */
    record Round(ChatResponse response, LlmReply reply) {}

    private final Source source;

    private final ReplyListener listener;
    /** Text earlier rounds streamed: part of what was said should this round break off. */
    private final String priorText;
    private final ReplyDeadline deadline;
    private final ThinkFilter thinkFilter = new ThinkFilter();
    private final SafetyStops safety = new SafetyStops();
    private final StringBuilder answer = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final CompletableFuture<Round> done = new CompletableFuture<>();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    private final InFlightRequest inFlight = new InFlightRequest();
    private long firstTextNanos;

    RoundStream(Source source, ReplyListener listener, String priorText, ReplyDeadline deadline) {
        this.source = source;
        this.listener = listener;
        this.priorText = priorText;
        this.deadline = deadline;
    }

    Round send(ChatRequest request) {
        if (source.provider().type() == ProviderType.EMBEDDED) {
            long beforeRequest = lastActivity.get();
            try {
                source.client().chat(request, this);
            } catch (RuntimeException e) {
                throw ProviderErrors.explain(e, source.name(), source.provider(), source.endpoint())
                        .afterPartialText(priorText);
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
                    inFlight.during(() -> source.client().chat(request, this));
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
            // The reply has ended (some clients keep delivering after reporting an error), maybe by a
            // cancel that came before the client had handed out a handle: stopped now it has one.
            cancelStream();
            return;
        }
        lastActivity.set(System.nanoTime());
        forward(thinkFilter.push(partial.text()));
    }

    @Override
    public void onPartialThinking(PartialThinking thinking, PartialThinkingContext context) {
        // The handle may come first with reasoning: a stream of nothing else must be stoppable too.
        handle.compareAndSet(null, context.streamingHandle());
        if (done.isDone()) {
            cancelStream();
            return;
        }
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
    public void onUnmappedRawEvent(Object rawEvent) {
        safety.read(rawEvent);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        if (done.isDone()) {
            return; // Already ended by the idle timeout or a cancel: the caller has moved on.
        }
        if (safety.blockedPrompt().isPresent()) {
            done.completeExceptionally(UnusableReplies.blockedPrompt(source, safety.blockedPrompt().get()));
            return;
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
                firstTextNanos, source.name(),
                safety.refused() ? FinishReason.CONTENT_FILTER : FinishReason.of(response.finishReason()))));
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    /** The failure as the caller sees it: once answer text went out, the reply is broken, not failed. */
    private LlmException failure(Throwable error) {
        return ProviderErrors.explain(error, source.name(), source.provider(), source.endpoint())
                .afterPartialText(partialText());
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
        int room = source.limits().maxCharacters() - priorText.length() - answer.length();
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
            stopAtLimit(String.format(Locale.ROOT, TOO_LONG, source.limits().maxCharacters()));
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
        if (reasoning.length() + text.length() > source.limits().maxCharacters()) {
            stopAtLimit(String.format(Locale.ROOT, TOO_LONG, source.limits().maxCharacters()));
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
                firstTextNanos, source.name())));
        cancelStream();
    }

    Round await() {
        while (true) {
            long quietNanos = System.nanoTime() - lastActivity.get();
            long waitNanos = source.idleTimeout().toNanos() - quietNanos;
            if (waitNanos <= 0) {
                throw end(failure(new java.util.concurrent.TimeoutException(
                        "no data for " + source.idleTimeout().toMillis() + " ms")));
            }
            if (deadline.nanosLeft() <= 0) {
                stopAtLimit(String.format(Locale.ROOT, TOO_SLOW, source.limits().maxSeconds()));
            }
            try {
                return done.get(Math.min(waitNanos, Math.max(0, deadline.nanosLeft())), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException stillQuiet) {
                // Loop: activity may have arrived meanwhile, which moves the deadline.
            } catch (ExecutionException e) {
                throw failure(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw end(LlmException.cancelled(source.name(), e, partialText()));
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
        cancelStream();
        return failure;
    }

    /**
     * Stops the stream where the client has handed out a handle (not every client does), and closes its
     * HTTP request, which is all there is to stop before the provider's first event.
     */
    private void cancelStream() {
        StreamingHandle streaming = handle.get();
        if (streaming != null) {
            streaming.cancel();
        }
        inFlight.cancel();
    }
}
