package dev.parley.voice;

/**
 * How a turn's end is told when it could not do all that was asked: the sentences of its last
 * {@link VoiceEvent.StateChanged}, which the window shows as a banner and the API passes on.
 */
public final class TurnEndWords {

    /** Before the reason: the answer was given in text only, since no speaker could be opened. */
    public static final String NOT_SPOKEN = "The answer is shown but not spoken: ";

    /** Push-to-talk before the speech model and the voice are there. */
    static final String NOT_LISTENING_YET = "Parley cannot listen yet: the speech model and the voice are still"
            + " loading. Type your question meanwhile.";

    private TurnEndWords() {}
}
