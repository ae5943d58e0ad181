package dev.parley.voice;

/**
 * Where the assistant is in a turn. The {@link VoiceAssistant} moves through these and nothing
 * else decides them: the window's status bar and the CLI render this, never their own guess.
 *
 * <pre>
 * IDLE → LISTENING → TRANSCRIBING → THINKING → SPEAKING → IDLE
 *   any of LISTENING..SPEAKING → INTERRUPTED (barge-in, stop) → IDLE or LISTENING
 *   any → ERROR (says why) → IDLE at the next action
 * </pre>
 */
public enum VoiceState {
    /** Nothing happening; ready for push-to-talk or typed input. */
    IDLE,
    /** The microphone's audio (starting with the pre-roll) goes to the recognizer. */
    LISTENING,
    /** Talk released; the recognizer finishes the transcript. */
    TRANSCRIBING,
    /** The model is asked and has not produced speakable text yet (tools may run). */
    THINKING,
    /** The answer is being spoken; it may still be streaming from the model. */
    SPEAKING,
    /** The user cut the answer off; the heard part is recorded, the rest dropped. Transient. */
    INTERRUPTED,
    /** The turn failed; the event's detail says why and how to fix it. The next action leaves it. */
    ERROR;

    /** No turn runs: idle, or after an interruption or an error. */
    public boolean atRest() {
        return this == IDLE || this == ERROR || this == INTERRUPTED;
    }

    /** The transitions the diagram above allows; the controller refuses any other as a bug. */
    public boolean canMoveTo(VoiceState next) {
        return switch (this) {
            case IDLE -> next == LISTENING || next == THINKING || next == ERROR;
            case LISTENING -> next == TRANSCRIBING || next == INTERRUPTED || next == IDLE || next == ERROR;
            case TRANSCRIBING -> next == THINKING || next == IDLE || next == INTERRUPTED || next == ERROR;
            case THINKING -> next == SPEAKING || next == IDLE || next == INTERRUPTED || next == ERROR;
            case SPEAKING -> next == IDLE || next == INTERRUPTED || next == ERROR;
            case INTERRUPTED, ERROR -> next == IDLE || next == LISTENING || next == THINKING;
        };
    }
}
