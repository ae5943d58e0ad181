package dev.parley.llm;

import dev.parley.conversation.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sends one short prompt through a provider's real streaming path and times it: the time to the
 * first answer text (what a voice turn waits for before it can speak) and to the end of the reply.
 */
public final class ReadyCheck {

    public static final String PROMPT = "Reply with the single word: ready";

    /**
     * How long a test waits for its one word, wherever it is asked for (the window's Test, {@code parley
     * test}, the control API): enough for a local server to load a small model, and well under the
     * timeout plus retries (over a minute) that a server which takes the request and never answers
     * would otherwise hold the tester for.
     */
    public static final int LIMIT_SECONDS = 20;

    public static final Duration LIMIT = Duration.ofSeconds(LIMIT_SECONDS);

    /** The outcome; on failure {@code error} says what went wrong and what to do, and the times are -1. */
    public record Result(String provider, String description, boolean ok, String reply, long firstTokenMs,
            long totalMs, String error) {}

    private ReadyCheck() {}

    public static Result run(LanguageModel model) {
        long start = System.nanoTime();
        try {
            LlmReply reply = model.reply(List.of(Message.user(PROMPT)), ReplyListener.IGNORE);
            long totalMs = millisSince(start);
            long firstTokenMs = reply.firstTextNanos() == 0 ? -1 : (reply.firstTextNanos() - start) / 1_000_000;
            return new Result(model.name(), model.describe(), true, reply.text(), firstTokenMs, totalMs, null);
        } catch (LlmException e) {
            return failed(model.name(), model.describe(), e);
        }
    }

    /**
     * Tests provider {@code name}, created by {@code model} on the calling thread, for at most
     * {@code limit}; a provider that cannot be created (its key is missing) fails the check with why.
     */
    public static Result run(String name, Supplier<LanguageModel> model, Duration limit) throws InterruptedException {
        LanguageModel created;
        try {
            created = model.get();
        } catch (LlmException notCreated) {
            return failed(name, name, notCreated);
        }
        return start(created).await(limit);
    }

    /**
     * Starts the check on a thread of its own, so that whoever waits for it can give up: a provider
     * that never answers would otherwise hold the caller for its timeout and every retry.
     */
    public static Pending start(LanguageModel model) {
        return new Pending(model);
    }

    /** A check under way; {@link #cancel} closes its request's stream as a stop closes a turn's. */
    public static final class Pending {
        private final LanguageModel model;
        private final CompletableFuture<Result> result = new CompletableFuture<>();
        private final Thread thread;

        private Pending(LanguageModel model) {
            this.model = model;
            this.thread = Thread.ofVirtual().name("parley-ready-check").start(() -> {
                try {
                    result.complete(run(model));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
        }

        public void cancel() {
            thread.interrupt();
        }

        /**
         * The result, or, when {@code limit} passes first, a failed one that says so; the check is then
         * cancelled, so no request goes on behind the answer; so it is when the waiting thread is interrupted.
         */
        public Result await(Duration limit) throws InterruptedException {
            try {
                return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                cancel();
                throw e;
            } catch (TimeoutException late) {
                cancel();
                return new Result(model.name(), model.describe(), false, null, -1, -1, "Provider '" + model.name()
                        + "' gave no answer within " + limit.toSeconds() + " s, so the test stopped waiting. A local"
                        + " server may still be loading the model: test again in a moment. Otherwise check that it"
                        + " runs and that llm.providers." + model.name() + ".base-url is its address.");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw (Error) e.getCause();
            }
        }
    }

    /** A check that failed before a request could be sent, e.g. for a missing key. */
    public static Result failed(String provider, String description, LlmException error) {
        return new Result(provider, description, false, null, -1, -1, error.getMessage());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
