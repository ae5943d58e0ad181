package dev.parley.llm;

import dev.parley.conversation.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code llm.max-concurrent-requests} requests in flight per provider, shared by every
 * model object made for that provider. A local Ollama or the embedded model slows down for every
 * request when asked many at once, and cloud providers rate-limit bursts; queueing here is kinder
 * than failing there. The limit sits outside retries and metering: waiting for a slot is neither
 * a provider failure nor a request, and a full queue (BUSY) is not retried.
 */
final class ConcurrencyLimits {

    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    /** Replies being streamed now, over every provider and every model object made here. */
    private final AtomicInteger inFlight = new AtomicInteger();

    /** {@code model} with its requests limited; waits up to {@code maxWait} for a free slot. */
    LanguageModel limit(LanguageModel model, int maxConcurrent, Duration maxWait) {
        Semaphore slots = permits.computeIfAbsent(model.name(), name -> new Semaphore(maxConcurrent, true));
        return new Limited(model, slots, maxConcurrent, maxWait, inFlight);
    }

    /** Whether any reply is being streamed (or waits for its slot) now. */
    boolean anyInFlight() {
        return inFlight.get() > 0;
    }

    private static final class Limited extends ForwardingLanguageModel {

        private final Semaphore slots;
        private final int maxConcurrent;
        private final Duration maxWait;
        private final AtomicInteger inFlight;

        Limited(LanguageModel model, Semaphore slots, int maxConcurrent, Duration maxWait, AtomicInteger inFlight) {
            super(model);
            this.slots = slots;
            this.maxConcurrent = maxConcurrent;
            this.maxWait = maxWait;
            this.inFlight = inFlight;
        }

        @Override
        public LlmReply reply(List<Message> messages, ReplyListener listener) {
            inFlight.incrementAndGet();
            try {
                return replyInSlot(messages, listener);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private LlmReply replyInSlot(List<Message> messages, ReplyListener listener) {
            try {
                if (!slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new LlmException(LlmException.Kind.BUSY, "Provider '" + name() + "' already has "
                            + maxConcurrent + " requests in flight and none finished within " + maxWait.toSeconds()
                            + " s. Try again, or raise llm.max-concurrent-requests.", null, null, null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LlmException.cancelled(name(), e, "");
            }
            try {
                return model.reply(messages, listener);
            } finally {
                slots.release();
            }
        }
    }
}
