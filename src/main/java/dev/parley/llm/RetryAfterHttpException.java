package dev.parley.llm;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/** An HTTP error status that keeps the provider's Retry-After header, which LangChain4j's own exception drops. */
final class RetryAfterHttpException extends HttpException {

    private final transient Duration retryAfter;

    RetryAfterHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** The wait the header asked for, or null when there was none (or it was unreadable). */
    Duration retryAfter() {
        return retryAfter;
    }
}
