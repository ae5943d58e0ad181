package dev.parley.pipeline;

import java.util.function.Consumer;

import dev.parley.ParleyException;
import dev.parley.audio.AudioClip;
import dev.parley.conversation.Conversation;
import dev.parley.stt.SpeechRecognizer;

/** One complete voice turn: the user's utterance in, the spoken reply out. */
public final class VoiceTurn {

    private final SpeechRecognizer recognizer;
    private final ReplyPipeline replies;

    public VoiceTurn(SpeechRecognizer recognizer, ReplyPipeline replies) {
        this.recognizer = recognizer;
        this.replies = replies;
    }

    /** Runs the turn; its clock starts now, which callers treat as the end of the user's speech. */
    public SpokenReply run(AudioClip utterance, Conversation conversation, Consumer<TurnEvent> events) {
        TurnClock clock = new TurnClock();
        String transcript = recognizer.transcribe(utterance);
        clock.markSttDone();
        if (transcript.isBlank()) {
            ParleyException nothingHeard = new ParleyException("No speech was recognized in the input audio ("
                    + String.format("%.1f", utterance.durationSeconds()) + " s). Check that it holds speech"
                    + " in the speech model's language and is not silent or clipped.");
            events.accept(new TurnEvent.Failed(clock.turn(), nothingHeard.getMessage(), ""));
            throw nothingHeard;
        }
        conversation.addUser(transcript);
        return replies.answer(conversation, clock, transcript, events);
    }
}
