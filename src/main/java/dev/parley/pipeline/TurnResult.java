package dev.parley.pipeline;

/**
 * A finished turn: what the user said, the answer and its reasoning, who answered, how many chunks
 * were spoken, and when each stage happened. {@code cutOff} is null for a complete answer, else why
 * the model stopped mid-answer (the conversation keeps the partial answer, marked interrupted).
 */
public record TurnResult(String userText, String text, String reasoning, String provider, int chunks,
        TurnTimings timings, String cutOff) {

    public boolean complete() {
        return cutOff == null;
    }
}
