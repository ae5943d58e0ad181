package dev.parley.llm;

import dev.parley.conversation.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code llm.max-concurrent-requests} requests in flight per provider, shared by every
 * model object made for that provider. A local Ollama or the embedded model slows down for every
 * request when asked many at once, and cloud providers rate-limit bursts; queueing here is kinder
 * than failing there. The limit sits outside retries and metering: waiting for a slot is neither
 * a provider failure nor a request, and a full queue (BUSY) is not retried.
 */
final class ConcurrencyLimits {

    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    /** {@code model} with its requests limited; waits up to {@code maxWait} for a free slot. */
    LanguageModel limit(LanguageModel model, int maxConcurrent, Duration maxWait) {
        Semaphore slots = permits.computeIfAbsent(model.name(), name -> new Semaphore(maxConcurrent, true));
        return new Limited(model, slots, maxConcurrent, maxWait);
    }

    private static final class Limited extends ForwardingLanguageModel {

        private final Semaphore slots;
        private final int maxConcurrent;
        private final Duration maxWait;

        Limited(LanguageModel model, Semaphore slots, int maxConcurrent, Duration maxWait) {
            super(model);
            this.slots = slots;
            this.maxConcurrent = maxConcurrent;
            this.maxWait = maxWait;
        }

        @Override
        public LlmReply reply(List<Message> messages, ReplyListener listener) {
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
