package dev.parley.llm;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.langchain4j.exception.HttpException;
import dev.parley.config.LlmConfig;
import dev.parley.conversation.Message;
import dev.parley.llm.LlmException.Kind;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A chain of providers that answers as long as one of them can. Each provider's transient failures
 * are retried with backoff (or after the wait the provider asked for), and when a provider still
 * fails the next one in the chain answers. A circuit breaker per provider skips a dead one without
 * a network call until its cooldown ends.
 *
 * <p>All of this happens only before the first answer text reaches the listener: after that, a
 * retry or another provider would say the beginning again. A failure then ends the reply as
 * {@link Kind#STREAM_BROKEN} with the text that was streamed, so the caller can keep what was said.
 * Reasoning may be shown twice when an attempt failed after reasoning but before any answer.
 */
public final class ResilientLanguageModel implements LanguageModel {

    private static final Logger LOG = LogManager.getLogger(ResilientLanguageModel.class);

    /** The resilience settings, from {@code llm.retry} and {@code llm.circuit-breaker}. */
    public record Policy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter,
            int breakerFailures, Duration breakerCooldown) {

        public static Policy from(LlmConfig llm) {
            return new Policy(llm.retry().maxAttempts(), Duration.ofMillis(llm.retry().initialDelayMs()),
                    Duration.ofMillis(llm.retry().maxDelayMs()), Duration.ofSeconds(llm.retry().maxRetryAfterSeconds()),
                    llm.circuitBreaker().failures(), Duration.ofSeconds(llm.circuitBreaker().cooldownSeconds()));
        }
    }

    /** One provider of the chain with the breaker that remembers its recent failures, and the last one. */
    private record Guarded(LanguageModel model, CircuitBreaker<LlmReply> breaker,
            AtomicReference<LlmException> lastFailure) {}

    private final List<Guarded> chain;
    private final Policy policy;
    private final RetryDelays delays;
    /** Told the provider's name whenever a retry is scheduled (usage analytics count them). */
    private final Consumer<String> retries;
    /** Puts providers whose latest health check failed behind the healthy ones, per reply. */
    private final HealthRouting routing;

    /** {@code chain}: the provider asked first, then its fallbacks in order; breakers of its own. */
    public ResilientLanguageModel(List<LanguageModel> chain, Policy policy) {
        this(chain, policy, new ConcurrentHashMap<>(), provider -> { }, new HealthNews());
    }

    /**
     * {@code breakers}: circuit breakers by provider name, shared by every chain built in a process,
     * so a provider's failures count wherever it appears (first or as a fallback, before and after a
     * switch). {@code retries} hears of every retry; {@code health} of each breaker opening and closing.
     */
    public ResilientLanguageModel(List<LanguageModel> chain, Policy policy,
            Map<String, CircuitBreaker<LlmReply>> breakers, Consumer<String> retries, HealthNews health) {
        this(chain, policy, breakers, retries, health, HealthRouting.NONE);
    }

    /** As above; {@code routing} asks providers whose latest health check failed after the others. */
    public ResilientLanguageModel(List<LanguageModel> chain, Policy policy,
            Map<String, CircuitBreaker<LlmReply>> breakers, Consumer<String> retries, HealthNews health,
            HealthRouting routing) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one provider");
        }
        this.policy = policy;
        this.retries = retries;
        this.routing = routing;
        // Looked up per call: ThreadLocalRandom.current() belongs to the thread that asks.
        this.delays = new RetryDelays(policy.initialDelay(), policy.maxDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.chain = chain.stream().map(model -> new Guarded(model,
                breakers.computeIfAbsent(model.name(), name -> breaker(name, policy, health)), new AtomicReference<>()))
                .toList();
    }

    private static CircuitBreaker<LlmReply> breaker(String provider, Policy policy, HealthNews health) {
        return CircuitBreaker.<LlmReply>builder()
                .handleIf(ResilientLanguageModel::countsAgainstProvider)
                .withFailureThreshold(policy.breakerFailures())
                .withDelay(policy.breakerCooldown())
                .onOpen(event -> {
                    // INFO: the failure itself reaches the user; this line only explains later skips.
                    LOG.info("Provider '{}' failed {} times in a row; skipping it for {} s",
                            provider, policy.breakerFailures(), policy.breakerCooldown().toSeconds());
                    health.report(provider, false, "failed " + policy.breakerFailures() + " times in a row; skipped"
                            + " for " + policy.breakerCooldown().toSeconds() + " s, then tried again");
                })
                .onClose(event -> health.report(provider, true, ""))
                .build();
    }

    @Override
    public String name() {
        return chain.getFirst().model().name();
    }

    /** The provider asked first decides: a fallback that cannot see refuses the images on its own. */
    @Override
    public boolean canSee() {
        return chain.getFirst().model().canSee();
    }

    @Override
    public String describe() {
        String first = chain.getFirst().model().describe();
        if (chain.size() == 1) {
            return first;
        }
        return first + ", falling back to " + String.join(", ",
                chain.stream().skip(1).map(guarded -> guarded.model().name()).toList());
    }

    @Override
    public LlmReply reply(List<Message> messages, ReplyListener listener) {
        SpokenWatch watch = new SpokenWatch(listener);
        LlmException firstFailure = null;
        List<String> alsoFailed = new ArrayList<>();
        List<String> earlierFailures = new ArrayList<>();
        for (Guarded guarded : routing.order(chain, link -> link.model().name())) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            // A fallback that answers would hide the failures before it, so they become warnings, told
            // before its first word (not after the streamed answer, on its line); had none answered, the
            // caller reports them, and the terminal would show them twice.
            List<String> hidden = List.copyOf(earlierFailures);
            watch.beforeFirstOutput(() -> hidden.forEach(failure -> LOG.warn("'{}' answers instead of {}",
                    guarded.model().name(), failure)));
            try {
                LlmReply reply = Failsafe.with(retryPolicy(guarded.model(), watch), guarded.breaker())
                        .get(() -> guarded.model().reply(messages, watch));
                watch.outputStarts(); // an answer of no words still came from this provider
                return reply;
            } catch (CircuitBreakerOpenException open) {
                LOG.info("Skipping provider '{}': its circuit is open for another {} s", guarded.model().name(),
                        guarded.breaker().getRemainingDelay().toSeconds());
                alsoFailed.add(guarded.model().name() + " (skipped after repeated failures)");
                if (firstFailure == null) {
                    firstFailure = skipped(guarded, open);
                }
                continue;
            } catch (LlmException failure) {
                LlmException seen = failure.afterPartialText(watch.spokenText());
                if (!seen.partialText().isEmpty() || watch.ranTools() || seen.kind() == Kind.CONTENT_FILTERED
                        || seen.kind() == Kind.CANCELLED) {
                    // Said aloud already, tools already run (a timer would be set twice), refused on content,
                    // or stopped by the caller: no one else answers.
                    throw seen;
                }
                LlmException explained = tooLongToWait(seen) ? waitTooLong(guarded.model(), seen) : seen;
                LOG.info("Provider '{}' failed ({}): {}", guarded.model().name(), explained.kind(),
                        explained.getMessage());
                earlierFailures.add("provider '" + guarded.model().name() + "', which failed (" + explained.kind()
                        + "): " + explained.getMessage());
                guarded.lastFailure().set(explained);
                alsoFailed.add(guarded.model().name() + " (" + explained.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
                if (firstFailure == null) {
                    firstFailure = explained;
                }
            } catch (FailsafeException interrupted) {
                // Failsafe wraps the interrupt of its backoff sleep.
                Thread.currentThread().interrupt();
                throw LlmException.cancelled(guarded.model().name(), interrupted, watch.spokenText());
            }
        }
        if (firstFailure == null) {
            throw LlmException.cancelled(name(), null, "");
        }
        if (alsoFailed.size() <= 1) {
            throw firstFailure;
        }
        throw new LlmException(firstFailure.kind(), firstFailure.getMessage() + " No fallback answered either: "
                + String.join(", ", alsoFailed.subList(1, alsoFailed.size())) + ".", firstFailure,
                firstFailure.retryAfter().orElse(null), "");
    }

    /** Built per reply, because whether text was spoken is a fact about this reply. */
    private RetryPolicy<LlmReply> retryPolicy(LanguageModel model, SpokenWatch watch) {
        return RetryPolicy.<LlmReply>builder()
                .handleIf((reply, error) -> error instanceof LlmException failure && worthAskingAgain(failure)
                        && failure.partialText().isEmpty() && !watch.spoke() && !watch.ranTools())
                .abortIf((reply, error) -> error instanceof LlmException failure && tooLongToWait(failure))
                .withMaxAttempts(policy.maxAttempts())
                .withDelayFn(context -> delays.before(context.getAttemptCount(),
                        context.getLastException() instanceof LlmException failure ? failure : null))
                .onRetryScheduled(event -> {
                    LOG.info("Provider '{}' failed ({}); retry {} in {} ms", model.name(),
                            event.getLastException().getMessage(), event.getAttemptCount(), event.getDelay().toMillis());
                    retries.accept(model.name());
                })
                .build();
    }

    /**
     * A passing failure, but not a timeout Parley waited out: the user has already sat through the
     * provider's whole timeout-seconds, and asking again would double or triple that silence (3
     * minutes with the default 60 s) before a fallback answers or the turn says what is wrong. A 408
     * or 504 that a server or proxy sent may come at once, and is asked again like a 503.
     */
    private static boolean worthAskingAgain(LlmException failure) {
        return failure.transientFailure() && !(failure.kind() == Kind.TIMEOUT && waitedOut(failure));
    }

    private static boolean waitedOut(Throwable timeout) {
        for (Throwable cause = timeout; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException) {
                return false; // the server answered with a status: its timeout, not ours
            }
        }
        return true;
    }

    /** Why a provider is skipped: its last failure, which still says what to do, and for how long. */
    private LlmException skipped(Guarded guarded, CircuitBreakerOpenException open) {
        LlmException last = guarded.lastFailure().get();
        String pause = " (Skipped for another " + Math.max(1, guarded.breaker().getRemainingDelay().toSeconds())
                + " s after " + policy.breakerFailures() + " failures in a row.)";
        if (last == null) {
            return new LlmException(Kind.CONNECTION, "Provider '" + guarded.model().name() + "' keeps failing."
                    + pause, open, null, "");
        }
        return new LlmException(last.kind(), last.getMessage() + pause, open, null, "");
    }

    private boolean tooLongToWait(LlmException failure) {
        return failure.retryAfter().map(wait -> wait.compareTo(policy.maxRetryAfter()) > 0).orElse(false);
    }

    private LlmException waitTooLong(LanguageModel model, LlmException failure) {
        Duration wait = failure.retryAfter().orElseThrow();
        LocalTime when = LocalTime.now().plus(wait).truncatedTo(ChronoUnit.SECONDS);
        return new LlmException(Kind.RATE_LIMIT, "Provider '" + model.name() + "' is rate limiting requests and"
                + " asks to wait " + wait.toSeconds() + " s, longer than llm.retry.max-retry-after-seconds ("
                + policy.maxRetryAfter().toSeconds() + " s). Try again after " + when + ".", failure, wait, "");
    }

    /**
     * Failures that say something about the provider's health, not about this one request: a
     * barge-in must not count, or three interruptions would silence a healthy provider.
     */
    private static boolean countsAgainstProvider(Throwable error) {
        return error instanceof LlmException failure && failure.kind() != Kind.CONTENT_FILTERED
                && failure.kind() != Kind.INVALID_REQUEST && failure.kind() != Kind.CANCELLED
                && failure.kind() != Kind.BUSY && failure.kind() != Kind.BUDGET;
    }

    /** Passes everything on and remembers the answer text that went out and whether tools ran. */
    private static final class SpokenWatch extends ForwardingReplyListener {

        private final StringBuilder spoken = new StringBuilder();
        private boolean ranTools;

        /** Run once, before the answering provider's first output reaches the listener. */
        private Runnable beforeFirstOutput = () -> { };

        SpokenWatch(ReplyListener listener) {
            super(listener);
        }

        synchronized void beforeFirstOutput(Runnable action) {
            beforeFirstOutput = action;
        }

        void outputStarts() {
            Runnable action;
            synchronized (this) {
                action = beforeFirstOutput;
                beforeFirstOutput = () -> { };
            }
            action.run();
        }

        @Override
        public void onText(String delta) {
            outputStarts();
            synchronized (this) {
                spoken.append(delta);
            }
            super.onText(delta);
        }

        @Override
        public void onReasoning(String delta) {
            outputStarts();
            super.onReasoning(delta);
        }

        @Override
        public void onToolCall(String toolName, String argumentsJson) {
            outputStarts();
            super.onToolCall(toolName, argumentsJson);
        }

        @Override
        public void onToolResult(String toolName, String result) {
            synchronized (this) {
                ranTools = true;
            }
            super.onToolResult(toolName, result);
        }

        synchronized boolean ranTools() {
            return ranTools;
        }

        synchronized boolean spoke() {
            return !spoken.isEmpty();
        }

        synchronized String spokenText() {
            return spoken.toString();
        }
    }
}
