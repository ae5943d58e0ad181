package dev.parley.llm;

import dev.parley.secrets.Redaction;
import dev.parley.ParleyException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider could not answer; the message names the provider and what the user can do. The
 * {@link Kind} lets callers decide without reading the message: retry, fall back, or give up.
 */
public final class LlmException extends ParleyException {

    /** What went wrong, as far as the client library lets us tell. */
    public enum Kind {
        AUTHENTICATION(false),
        RATE_LIMIT(true),
        TIMEOUT(true),
        CONNECTION(true),
        INVALID_REQUEST(false),
        MODEL_NOT_FOUND(false),
        CONTENT_FILTERED(false),
        SERVER(true),
        /** The reply stream broke off or could not be read; may carry the text that did arrive. */
        STREAM_BROKEN(true),
        /**
         * The reply came whole but in a shape the client cannot read (a field of another type, a
         * missing one): the same server sends the same shape again, so it is not retried.
         */
        UNREADABLE_REPLY(false),
        /** The reply ended properly with no answer text and no tool calls; a model may well answer next time. */
        EMPTY_REPLY(true),
        /** The caller stopped the reply (barge-in, shutdown): no failure of the provider. */
        CANCELLED(false),
        /** Parley's own queue for the provider stayed full (llm.max-concurrent-requests): nothing was sent. */
        BUSY(false),
        /** A spending limit (usage.budget) is reached: nothing was sent; a fallback may still answer. */
        BUDGET(false),
        OTHER(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Whether the same request may well succeed if sent again a little later. */
        public boolean transientFailure() {
            return transientFailure;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;
    private final String partialText;

    public LlmException(String message) {
        this(Kind.OTHER, message, null, null, "");
    }

    public LlmException(String message, Throwable cause) {
        this(Kind.OTHER, message, cause, null, "");
    }

    /** {@code message} is shown to the user and logged, so any secret in it is masked ({@link Redaction}). */
    public LlmException(Kind kind, String message, Throwable cause, Duration retryAfter, String partialText) {
        super(Redaction.clean(message), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter;
        this.partialText = partialText == null ? "" : partialText;
    }

    /** The caller stopped the reply from {@code provider}; {@code partialText} is what had streamed. */
    public static LlmException cancelled(String provider, Throwable cause, String partialText) {
        return new LlmException(Kind.CANCELLED, "The reply from " + provider + " was cancelled.", cause, null,
                partialText);
    }

    public Kind kind() {
        return kind;
    }

    public boolean transientFailure() {
        return kind.transientFailure();
    }

    /** How long the provider asked to wait before the next request, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The answer text that reached the listener before the failure; empty when none did. */
    public String partialText() {
        return partialText;
    }

    /**
     * This failure after {@code text} was already streamed: the reply ended broken, so it is
     * STREAM_BROKEN; a cancel stays a cancel (the user stopped it; nothing broke), carrying the text.
     */
    LlmException afterPartialText(String text) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        if (kind == Kind.CANCELLED) {
            return text.equals(partialText) ? this : new LlmException(Kind.CANCELLED, getMessage(), this, null, text);
        }
        // Each layer that streamed the text (the provider, then the retries around it) says so: the
        // sentence about where it stopped must appear once, counting the most text any layer saw.
        if (kind == Kind.STREAM_BROKEN && !partialText.isEmpty() && getCause() instanceof LlmException original) {
            return text.equals(partialText) ? this : original.afterPartialText(text);
        }
        return new LlmException(Kind.STREAM_BROKEN, getMessage() + " (It stopped after "
                + text.length() + " characters of the answer.)", this, null, text);
    }
}
