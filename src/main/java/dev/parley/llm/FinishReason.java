package dev.parley.llm;

/**
 * Why a reply ended, as the provider reported it on its last round (after tool calls, the round
 * that answered). {@link #LENGTH} and {@link #CONTENT_FILTER} change what the user is told: the answer
 * was cut short at {@code max-tokens}, or stopped by the provider's safety filter; a reply that ends
 * with neither text nor tool calls fails instead ({@link UnusableReplies}).
 */
public enum FinishReason {
    /** The model finished its answer (or hit a configured stop sequence). */
    STOP,
    /** The reply reached the provider's {@code max-tokens} and was cut off there. */
    LENGTH,
    /** The provider's safety filter ended or withheld the reply. */
    CONTENT_FILTER,
    /** Another reason the provider named. */
    OTHER,
    /** The provider said nothing, or the reply did not come from a provider (a cached replay, a test). */
    UNKNOWN;

    static FinishReason of(dev.langchain4j.model.output.FinishReason reported) {
        if (reported == null) {
            return UNKNOWN;
        }
        return switch (reported) {
            case STOP -> STOP;
            case LENGTH -> LENGTH;
            case CONTENT_FILTER -> CONTENT_FILTER;
            case TOOL_EXECUTION, OTHER -> OTHER;
        };
    }
}
